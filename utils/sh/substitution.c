#include "substitution.h"

#include "report.h"
#include "script.h"
#include "shell.h"
#include "signals.h"
#include "text.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

// Reads `fd` to its end.
static void read_all(int fd, struct text *output)
{
    char buffer[512];
    for (;;) {
        ssize_t got = read(fd, buffer, sizeof buffer);
        if (got < 0 && errno == EINTR)
            continue;
        if (got <= 0)
            return;
        text_append(output, buffer, (size_t)got);
    }
}

char *command_output(void *context, const char *command)
{
    struct shell *shell = context;
    int ends[2];
    if (pipe(ends) < 0) {
        report("pipe: %s", strerror(errno));
        return NULL;
    }
    fflush(NULL);
    pid_t pid = fork();
    if (pid < 0) {
        report("fork: %s", strerror(errno));
        close(ends[0]);
        close(ends[1]);
        return NULL;
    }
    if (pid == 0) {
        // The child stays in the shell's process group: it is part of the
        // command being expanded, not a job of its own.
        close(ends[0]);
        dup2(ends[1], STDOUT_FILENO);
        close(ends[1]);
        if (shell->interactive)
            signals_for_child(false);
        shell->interactive = false;
        shell->job_count = 0;
        shell_exit(shell, run_text(shell, command));
    }
    close(ends[1]);
    struct text output = { 0 };
    read_all(ends[0], &output);
    close(ends[0]);
    int wait_status = 0;
    pid_t result;
    do
        result = waitpid(pid, &wait_status, 0);
    while (result < 0 && errno == EINTR);
    shell->substitution_status = result < 0 ? 127 : status_from_wait(wait_status);
    shell->last_status = shell->substitution_status;
    return text_take(&output);
}

struct expand_environment shell_expand_environment(struct shell *shell)
{
    struct expand_environment environment = {
        .variables = &shell->variables,
        .positional = shell->positional,
        .positional_count = shell->positional_count,
        .script_name = shell->script_name,
        .last_status = shell->last_status,
        .shell_pid = (long)shell->pid,
        .last_background_pid = (long)shell->last_background_pid,
        .substitute = command_output,
        .substitute_context = shell,
    };
    return environment;
}
