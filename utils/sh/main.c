// sh: the Portico shell.
//
//   sh                      commands from standard input
//   sh FILE [ARG...]        commands from FILE, $1... = ARG...
//   sh -c TEXT [NAME [ARG...]]  commands from TEXT, $0 = NAME
//   -e (set -e) and -x (set -x) may come first.
//
// When standard input is a terminal (tcgetattr succeeds) and no file or -c
// was given, the shell is interactive: it prints the prompt "$ " ("# " for
// root, "> " when a command continues on the next line) on standard error,
// edits lines (terminal.h), keeps a history, and runs each job in its own
// process group with the terminal. Otherwise it reads plain lines and
// prints no prompt.
#include "execute.h"
#include "jobs.h"
#include "memory.h"
#include "report.h"
#include "script.h"
#include "shell.h"
#include "signals.h"
#include "terminal.h"

#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

extern char **environ;

static struct history history;

static enum line_result read_interactive(void *context, bool continuation, char **line)
{
    struct shell *shell = context;
    jobs_reap(shell);
    const char *prompt = continuation ? "> " : geteuid() == 0 ? "# " : "$ ";
    return terminal_read_line(STDIN_FILENO, STDERR_FILENO, prompt, &history, line);
}

// Job control: the shell leads its own process group and owns the terminal.
static void start_job_control(struct shell *shell)
{
    shell->interactive = true;
    shell->terminal_fd = STDIN_FILENO;
    signals_for_interactive_shell();
    setpgid(0, 0); // fails harmlessly for a session leader, which leads its group already
    shell->shell_pgid = getpgrp();
    tcsetpgrp(shell->terminal_fd, shell->shell_pgid);
}

static void usage(void)
{
    report("usage: sh [-ex] [-c command [name [argument...]] | file [argument...]]");
    exit(2);
}

static void set_defaults(struct shell *shell)
{
    if (!variables_get(&shell->variables, "PATH"))
        variables_set(&shell->variables, "PATH", "/bin", true);
    char *cwd = current_directory();
    if (cwd) {
        variables_set(&shell->variables, "PWD", cwd, true);
        free(cwd);
    }
}

int main(int argc, char **argv)
{
    struct shell shell;
    shell_init(&shell, environ, run_list);
    set_defaults(&shell);
    int i = 1;
    const char *command_text = NULL;
    for (; i < argc && argv[i][0] == '-' && argv[i][1]; ++i) {
        if (strcmp(argv[i], "--") == 0) {
            ++i;
            break;
        }
        for (const char *option = argv[i] + 1; *option; ++option) {
            if (*option == 'e')
                shell.exit_on_error = true;
            else if (*option == 'x')
                shell.trace = true;
            else if (*option == 'c')
                command_text = "";
            else
                usage();
        }
    }
    if (command_text) {
        if (i >= argc)
            usage();
        command_text = argv[i++];
        if (i < argc) {
            free(shell.script_name);
            shell.script_name = sh_strdup(argv[i++]);
        }
        shell_set_positional(&shell, argv + i, (size_t)(argc - i));
        shell_exit(&shell, run_text(&shell, command_text));
    }
    if (i < argc) {
        free(shell.script_name);
        shell.script_name = sh_strdup(argv[i]);
        shell_set_positional(&shell, argv + i + 1, (size_t)(argc - i - 1));
        shell_exit(&shell, run_file(&shell, argv[i]));
    }
    struct termios probe;
    if (isatty(STDIN_FILENO) && tcgetattr(STDIN_FILENO, &probe) == 0) {
        start_job_control(&shell);
        run_lines(&shell, read_interactive, &shell);
        history_free(&history);
        shell_exit(&shell, shell.last_status);
    }
    shell_exit(&shell, run_descriptor(&shell, STDIN_FILENO));
}
