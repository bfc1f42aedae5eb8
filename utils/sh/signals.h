// Signal dispositions: an interactive shell survives ^C and the job-control
// signals; the commands it starts get the defaults back.
#ifndef SH_SIGNALS_H
#define SH_SIGNALS_H

#include <signal.h>
#include <stdbool.h>

#ifdef __cplusplus
extern "C" {
#endif

// Set by SIGINT while an interactive shell reads a line; the line editor
// sees its read fail with EINTR, checks this and drops the line.
extern volatile sig_atomic_t interrupt_received;

// An interactive shell: SIGINT sets interrupt_received (without restarting
// reads), SIGQUIT, SIGTSTP, SIGTTIN and SIGTTOU are ignored.
void signals_for_interactive_shell(void);
// In a child about to become a command: the defaults back. A background
// command of a non-interactive shell ignores SIGINT and SIGQUIT, as POSIX says.
void signals_for_child(bool background_without_job_control);

#ifdef __cplusplus
}
#endif

#endif
