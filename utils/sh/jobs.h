// Background jobs ("cmd &"): remembered until waited for, so that `wait`
// and `wait PID` can report their status even after they have ended.
#ifndef SH_JOBS_H
#define SH_JOBS_H

#include "shell.h"

#ifdef __cplusplus
extern "C" {
#endif

void jobs_add(struct shell *shell, pid_t pid);
// Collects the jobs that have ended without blocking; when interactive,
// prints "[pid] Done" (or the status) for each and forgets it.
void jobs_reap(struct shell *shell);
// Waits for one job (a pid the shell started in the background); its
// status, or 127 when `pid` is not a job of this shell.
int jobs_wait(struct shell *shell, pid_t pid);
// Waits for every job; returns 0 as POSIX says for `wait` without operands.
int jobs_wait_all(struct shell *shell);

#ifdef __cplusplus
}
#endif

#endif
