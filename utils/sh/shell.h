// The state of one running shell, passed to everything that runs commands.
#ifndef SH_SHELL_H
#define SH_SHELL_H

#include "expand.h"
#include "variables.h"

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#ifdef __cplusplus
extern "C" {
#endif

// A background job: its process, and its wait status once it has ended.
struct job {
    pid_t pid;
    bool done;
    int status;  // the shell's status value ($?), valid when done
};

struct shell {
    struct variables variables;
    char **positional;  // $1..., owned
    size_t positional_count;
    char *script_name;  // $0, owned
    int last_status;    // $?
    int substitution_status;  // of the last $(...) while expanding a command; -1 for none
    pid_t pid;                  // $$: the shell's own, also in its subshells
    pid_t last_background_pid;  // $!, 0 before the first background job
    struct job *jobs;
    size_t job_count;
    size_t job_capacity;
    // Interactive: stdin is a terminal. The shell then prints prompts, edits
    // lines, and does job control (each job gets its own process group and
    // the terminal while in the foreground).
    bool interactive;
    int terminal_fd;       // the controlling terminal when interactive, else -1
    pid_t shell_pgid;
    bool exit_on_error;    // set -e
    bool trace;            // set -x
    int condition_depth;   // > 0 while running an if/while condition or a && / || operand: set -e is off
    int loop_depth;
    int break_levels;      // loops still to leave (break), or
    int continue_levels;   // to continue (continue)
};

void shell_init(struct shell *shell, char **environment);
void shell_set_positional(struct shell *shell, char *const *arguments, size_t count);
// The values $?, $$, $#... expand to now.
struct expand_environment shell_expand_environment(struct shell *shell);
void shell_free(struct shell *shell);

// The current directory as a new string (getcwd with a buffer that grows:
// POSIX leaves getcwd(NULL, 0) unspecified); NULL with errno set on failure.
char *current_directory(void);

// Converts a waitpid status to a shell status: the exit code, or 128 + signal.
int status_from_wait(int wait_status);

#ifdef __cplusplus
}
#endif

#endif
