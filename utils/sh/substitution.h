// What words expand with: the shell's parameters ($?, $$, $#...) and command
// substitution, $(command) run in a child shell whose standard output comes
// back through a pipe.
#ifndef SH_SUBSTITUTION_H
#define SH_SUBSTITUTION_H

#include "expand.h"
#include "shell.h"

#ifdef __cplusplus
extern "C" {
#endif

// `context` is the struct shell. Returns the command's output (a new
// string) and sets $? (and the shell's substitution_status) to its
// status; NULL after reporting a failure.
char *command_output(void *context, const char *command);

// The values $?, $$, $#... expand to now, with command_output for $(...).
struct expand_environment shell_expand_environment(struct shell *shell);

#ifdef __cplusplus
}
#endif

#endif
