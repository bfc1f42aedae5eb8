#include "jobs.h"

#include "memory.h"
#include "report.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>

void jobs_add(struct shell *shell, pid_t pid)
{
    shell->jobs = sh_grow(shell->jobs, &shell->job_capacity, shell->job_count + 1, sizeof *shell->jobs);
    shell->jobs[shell->job_count++] = (struct job) { pid, false, 0 };
}

static void forget(struct shell *shell, size_t index) { shell->jobs[index] = shell->jobs[--shell->job_count]; }

// Waits for the job at `index` (blocking or not); whether it has ended.
static bool collect(struct job *job, bool block)
{
    if (job->done)
        return true;
    int wait_status;
    pid_t result;
    do
        result = waitpid(job->pid, &wait_status, block ? 0 : WNOHANG);
    while (result < 0 && errno == EINTR);
    if (result == 0)
        return false;
    job->done = true;
    job->status = result < 0 ? 127 : status_from_wait(wait_status);
    return true;
}

void jobs_reap(struct shell *shell)
{
    for (size_t i = 0; i < shell->job_count;) {
        if (!collect(&shell->jobs[i], false) || !shell->interactive) {
            ++i;
            continue;
        }
        char line[64];
        if (shell->jobs[i].status == 0)
            snprintf(line, sizeof line, "[%ld] Done\n", (long)shell->jobs[i].pid);
        else
            snprintf(line, sizeof line, "[%ld] Exit %d\n", (long)shell->jobs[i].pid, shell->jobs[i].status);
        write_all(2, line, strlen(line));
        forget(shell, i);
    }
}

int jobs_wait(struct shell *shell, pid_t pid)
{
    for (size_t i = 0; i < shell->job_count; ++i) {
        if (shell->jobs[i].pid != pid)
            continue;
        collect(&shell->jobs[i], true);
        int status = shell->jobs[i].status;
        forget(shell, i);
        return status;
    }
    return 127;
}

int jobs_wait_all(struct shell *shell)
{
    while (shell->job_count > 0) {
        collect(&shell->jobs[0], true);
        forget(shell, 0);
    }
    return 0;
}
