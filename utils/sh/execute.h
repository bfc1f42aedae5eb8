// Running syntax trees: lists, && and ||, pipelines, simple and compound
// commands, background jobs. The top of the shell's modules: it uses
// builtins, redirect, jobs and substitution; none of them includes it.
#ifndef SH_EXECUTE_H
#define SH_EXECUTE_H

#include "ast.h"
#include "shell.h"

#ifdef __cplusplus
extern "C" {
#endif

// Runs `list`; returns (and stores in $?) the status of the last command.
// With set -e, a failing command ends the shell here. main hands it to
// shell_init: the modules below this one run commands through
// shell->run_list (see shell.h).
int run_list(struct shell *shell, const struct list *list);

#ifdef __cplusplus
}
#endif

#endif
