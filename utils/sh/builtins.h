// Commands the shell runs itself: those that change the shell (cd, export,
// exit, ...) and a few common cheap ones (echo, true, false).
#ifndef SH_BUILTINS_H
#define SH_BUILTINS_H

#include "shell.h"

#include <stdbool.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef int builtin_function(struct shell *shell, int argc, char **argv);

// The builtin called `name`, or NULL.
builtin_function *find_builtin(const char *name);
// Whether `name` is one of POSIX's special builtins (".", ":", break,
// continue, exit, export, set, shift, unset here), whose NAME=value prefixes
// stay set after them; those of other builtins last only for the command.
bool is_special_builtin(const char *name);

#ifdef __cplusplus
}
#endif

#endif
