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
#define SH_NORETURN [[noreturn]] // this header is also read by the C++ unit tests
#else
#define SH_NORETURN _Noreturn
#endif

// A background job: its process, and its wait status once it has ended.
struct job {
    pid_t pid;
    bool done;
    int status; // the shell's status value ($?), valid when done
};

struct command;
struct list;
struct shell;

// Runs a parsed list, its status (execute.c's run_list). The modules below
// the executor (script, builtins, substitution) run commands through the
// shell's run_list rather than include execute.h, so that the shell's
// modules form layers instead of including each other.
typedef int list_runner(struct shell *shell, const struct list *list);

// A function: name() body.
struct function {
    char *name;
    struct command *body; // owned (a copy of the definition's)
};

struct shell {
    list_runner *run_list; // the executor: see list_runner
    struct variables variables;
    char **positional; // $1..., owned
    size_t positional_count;
    char *script_name; // $0, owned
    int last_status; // $?
    int substitution_status; // of the last $(...) while expanding a command; -1 for none
    pid_t pid; // $$: the shell's own, also in its subshells
    pid_t last_background_pid; // $!, 0 before the first background job
    struct job *jobs;
    size_t job_count;
    size_t job_capacity;
    // Interactive: stdin is a terminal. The shell then prints prompts, edits
    // lines, and does job control (each job gets its own process group and
    // the terminal while in the foreground).
    bool interactive;
    int terminal_fd; // the controlling terminal when interactive, else -1
    pid_t shell_pgid;
    bool exit_on_error; // set -e
    bool trace; // set -x
    int condition_depth; // > 0 while running an if/while condition or a && / || operand: set -e is off
    int loop_depth;
    int break_levels; // loops still to leave (break), or
    int continue_levels; // to continue (continue)
    struct function *functions;
    size_t function_count;
    size_t function_capacity;
    struct command **replaced_functions; // bodies redefined while they may run: freed at the end
    size_t replaced_count;
    size_t replaced_capacity;
    int function_depth; // > 0 while a function runs
    bool returning; // `return` ran: leave the function
    bool keep_redirections; // `exec` without a command: its redirections stay
};

// A shell with the variables of `environment` that runs lists with `run_list`.
void shell_init(struct shell *shell, char **environment, list_runner *run_list);
void shell_set_positional(struct shell *shell, char *const *arguments, size_t count);
void shell_free(struct shell *shell);

// Ends the shell (and a subshell: a forked child) with `status`.
SH_NORETURN void shell_exit(struct shell *shell, int status);

// Runs the program argv[0] (found on PATH) in place of the shell, with the
// exported variables as its environment; on failure reports and ends the
// shell with 127 (not found) or 126.
SH_NORETURN void replace_shell(struct shell *shell, char **argv);

// The function called `name`, or NULL.
const struct function *shell_find_function(const struct shell *shell, const char *name);
// Defines (or redefines) a function; takes a copy of `body`.
void shell_define_function(struct shell *shell, const char *name, const struct command *body);

// The current directory as a new string (getcwd with a buffer that grows:
// POSIX leaves getcwd(NULL, 0) unspecified); NULL with errno set on failure.
char *current_directory(void);

// Converts a waitpid status to a shell status: the exit code, or 128 + signal.
int status_from_wait(int wait_status);

#ifdef __cplusplus
}
#endif

#endif
