#include "shell.h"

#include "ast.h"
#include "memory.h"
#include "report.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

void shell_init(struct shell *shell, char **environment, list_runner *run_list)
{
    memset(shell, 0, sizeof *shell);
    shell->run_list = run_list;
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

_Noreturn void shell_exit(struct shell *shell, int status)
{
    (void)shell;
    fflush(NULL);
    exit(status);
}

_Noreturn void replace_shell(struct shell *shell, char **argv)
{
    environ = variables_environment(&shell->variables);
    execvp(argv[0], argv);
    int error = errno;
    report("%s: %s", argv[0], error == ENOENT ? "not found" : strerror(error));
    shell_exit(shell, error == ENOENT ? 127 : 126);
}

void shell_free(struct shell *shell)
{
    variables_free(&shell->variables);
    free_positional(shell);
    free(shell->script_name);
    free(shell->jobs);
    for (size_t i = 0; i < shell->function_count; ++i) {
        free(shell->functions[i].name);
        command_free(shell->functions[i].body);
    }
    free(shell->functions);
    for (size_t i = 0; i < shell->replaced_count; ++i)
        command_free(shell->replaced_functions[i]);
    free(shell->replaced_functions);
}

const struct function *shell_find_function(const struct shell *shell, const char *name)
{
    for (size_t i = 0; i < shell->function_count; ++i)
        if (strcmp(shell->functions[i].name, name) == 0)
            return &shell->functions[i];
    return NULL;
}

void shell_define_function(struct shell *shell, const char *name, const struct command *body)
{
    struct command *copy = command_copy(body);
    for (size_t i = 0; i < shell->function_count; ++i) {
        if (strcmp(shell->functions[i].name, name) == 0) {
            // The old body may be running (a function that redefines
            // itself), so it is kept until the shell ends.
            shell->replaced_functions = sh_grow(shell->replaced_functions, &shell->replaced_capacity,
                shell->replaced_count + 1, sizeof *shell->replaced_functions);
            shell->replaced_functions[shell->replaced_count++] = shell->functions[i].body;
            shell->functions[i].body = copy;
            return;
        }
    }
    shell->functions
        = sh_grow(shell->functions, &shell->function_capacity, shell->function_count + 1, sizeof *shell->functions);
    shell->functions[shell->function_count++] = (struct function) { sh_strdup(name), copy };
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
