// Running syntax trees: lists, && and ||, pipelines, simple and compound
// commands, background jobs.
#ifndef SH_EXECUTE_H
#define SH_EXECUTE_H

#include "ast.h"
#include "shell.h"

#ifdef __cplusplus
extern "C" {
#endif

// Runs `list`; returns (and stores in $?) the status of the last command.
// With set -e, a failing command ends the shell here.
int run_list(struct shell *shell, const struct list *list);

// Parses and runs a complete text (sh -c, the pieces a script is read in).
// A syntax error prints a message and returns 2.
int run_text(struct shell *shell, const char *text);

// Ends the shell (and a subshell: a forked child) with `status`.
_Noreturn void shell_exit(struct shell *shell, int status);

#ifdef __cplusplus
}
#endif

#endif
