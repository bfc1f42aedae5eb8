#include "shell.h"

#include "memory.h"
#include "substitution.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

void shell_init(struct shell *shell, char **environment)
{
    memset(shell, 0, sizeof *shell);
    shell->terminal_fd = -1;
    shell->pid = getpid();
    variables_import(&shell->variables, environment);
    shell->script_name = sh_strdup("sh");
}

static void free_positional(struct shell *shell)
{
    for (size_t i = 0; i < shell->positional_count; ++i)
        free(shell->positional[i]);
    free(shell->positional);
    shell->positional = NULL;
    shell->positional_count = 0;
}

void shell_set_positional(struct shell *shell, char *const *arguments, size_t count)
{
    char **copy = sh_malloc((count + 1) * sizeof *copy);
    for (size_t i = 0; i < count; ++i)
        copy[i] = sh_strdup(arguments[i]);
    copy[count] = NULL;
    free_positional(shell);
    shell->positional = copy;
    shell->positional_count = count;
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

void shell_free(struct shell *shell)
{
    variables_free(&shell->variables);
    free_positional(shell);
    free(shell->script_name);
    free(shell->jobs);
}

int status_from_wait(int wait_status)
{
    if (WIFEXITED(wait_status))
        return WEXITSTATUS(wait_status);
    if (WIFSIGNALED(wait_status))
        return 128 + WTERMSIG(wait_status);
    return 1;
}

char *current_directory(void)
{
    for (size_t size = 256; size <= 65536; size *= 2) {
        char *buffer = sh_malloc(size);
        if (getcwd(buffer, size))
            return buffer;
        free(buffer);
        if (errno != ERANGE)
            return NULL;
    }
    errno = ENAMETOOLONG;
    return NULL;
}
