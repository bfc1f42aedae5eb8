#include "builtins.h"

#include "jobs.h"
#include "memory.h"
#include "read_builtin.h"
#include "report.h"
#include "script.h"
#include "test_builtin.h"
#include "text.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

// A non-negative decimal number, or -1.
static long parse_count(const char *text)
{
    char *end;
    errno = 0;
    long value = strtol(text, &end, 10);
    if (!*text || *end || errno || value < 0)
        return -1;
    return value;
}

static int builtin_cd(struct shell *shell, int argc, char **argv)
{
    const char *target = argc > 1 ? argv[1] : variables_get(&shell->variables, "HOME");
    bool print = false;
    if (argc > 1 && strcmp(target, "-") == 0) {
        target = variables_get(&shell->variables, "OLDPWD");
        print = true;
    }
    if (!target) {
        report("cd: %s not set", argc > 1 ? "OLDPWD" : "HOME");
        return 1;
    }
    if (chdir(target) < 0) {
        report("cd: %s: %s", target, strerror(errno));
        return 1;
    }
    const char *old = variables_get(&shell->variables, "PWD");
    if (old) {
        char *copy = sh_strdup(old);
        variables_set(&shell->variables, "OLDPWD", copy, false);
        free(copy);
    }
    char *now = current_directory();
    if (now) {
        variables_set(&shell->variables, "PWD", now, false);
        if (print) {
            write_all(STDOUT_FILENO, now, strlen(now));
            write_all(STDOUT_FILENO, "\n", 1);
        }
        free(now);
    }
    return 0;
}

static int builtin_pwd(struct shell *shell, int argc, char **argv)
{
    (void)shell, (void)argc, (void)argv;
    char *now = current_directory();
    if (!now) {
        report("pwd: %s", strerror(errno));
        return 1;
    }
    struct text line = { 0 };
    text_append_string(&line, now);
    text_push(&line, '\n');
    int result = write_all(STDOUT_FILENO, line.data, line.length);
    text_free(&line);
    free(now);
    return result < 0 ? 1 : 0;
}

// export [NAME[=value]...]; without operands, lists the exported variables.
static int builtin_export(struct shell *shell, int argc, char **argv)
{
    int status = 0;
    if (argc == 1) {
        for (size_t i = 0; i < shell->variables.count; ++i) {
            const struct variable *variable = &shell->variables.items[i];
            if (!variable->exported)
                continue;
            struct text line = { 0 };
            text_append_string(&line, "export ");
            text_append_string(&line, variable->name);
            if (variable->value) {
                text_append_string(&line, "=\"");
                text_append_string(&line, variable->value);
                text_push(&line, '"');
            }
            text_push(&line, '\n');
            write_all(STDOUT_FILENO, line.data, line.length);
            text_free(&line);
        }
        return 0;
    }
    for (int i = 1; i < argc; ++i) {
        char *equals = strchr(argv[i], '=');
        int result;
        if (equals) {
            char *name = sh_strndup(argv[i], (size_t)(equals - argv[i]));
            result = variables_set(&shell->variables, name, equals + 1, true);
            free(name);
        } else {
            result = variables_export(&shell->variables, argv[i]);
        }
        if (result < 0) {
            report("export: %s: bad variable name", argv[i]);
            status = 1;
        }
    }
    return status;
}

static int builtin_unset(struct shell *shell, int argc, char **argv)
{
    for (int i = 1; i < argc; ++i)
        variables_unset(&shell->variables, argv[i]);
    return 0;
}

static int builtin_exit(struct shell *shell, int argc, char **argv)
{
    int status = shell->last_status;
    if (argc > 1) {
        long value = parse_count(argv[1]);
        if (value < 0) {
            report("exit: %s: bad number", argv[1]);
            status = 2;
        } else {
            status = (int)(value & 0xff);
        }
    }
    shell_exit(shell, status);
}

static int builtin_wait(struct shell *shell, int argc, char **argv)
{
    if (argc == 1)
        return jobs_wait_all(shell);
    int status = 0;
    for (int i = 1; i < argc; ++i) {
        long pid = parse_count(argv[i]);
        if (pid <= 0) {
            report("wait: %s: not a process id", argv[i]);
            status = 2;
            continue;
        }
        status = jobs_wait(shell, (pid_t)pid);
    }
    return status;
}

static int builtin_echo(struct shell *shell, int argc, char **argv)
{
    (void)shell;
    bool newline = true;
    int first = 1;
    if (argc > 1 && strcmp(argv[1], "-n") == 0) {
        newline = false;
        first = 2;
    }
    struct text line = { 0 };
    for (int i = first; i < argc; ++i) {
        if (i > first)
            text_push(&line, ' ');
        text_append_string(&line, argv[i]);
    }
    if (newline)
        text_push(&line, '\n');
    int result = line.length ? write_all(STDOUT_FILENO, line.data, line.length) : 0;
    text_free(&line);
    return result < 0 ? 1 : 0;
}

static int builtin_source(struct shell *shell, int argc, char **argv)
{
    if (argc < 2) {
        report("%s: a file name is needed", argv[0]);
        return 2;
    }
    return run_file(shell, argv[1]);
}

// set [-ex] [+ex] [-- args...]: options, and new positional parameters.
static int builtin_set(struct shell *shell, int argc, char **argv)
{
    int i = 1;
    for (; i < argc && (argv[i][0] == '-' || argv[i][0] == '+') && argv[i][1]; ++i) {
        if (strcmp(argv[i], "--") == 0) {
            ++i;
            break;
        }
        bool on = argv[i][0] == '-';
        for (const char *option = argv[i] + 1; *option; ++option) {
            if (*option == 'e')
                shell->exit_on_error = on;
            else if (*option == 'x')
                shell->trace = on;
            else {
                report("set: -%c: unknown option", *option);
                return 2;
            }
        }
    }
    if (i < argc || (i > 1 && strcmp(argv[i - 1], "--") == 0))
        shell_set_positional(shell, argv + i, (size_t)(argc - i));
    return 0;
}

static int builtin_shift(struct shell *shell, int argc, char **argv)
{
    long count = argc > 1 ? parse_count(argv[1]) : 1;
    if (count < 0 || (size_t)count > shell->positional_count) {
        report("shift: can't shift that many");
        return 1;
    }
    shell_set_positional(shell, shell->positional + count, shell->positional_count - (size_t)count);
    return 0;
}

// break [n] and continue [n]: handled by the loops (execute.c).
static int loop_control(struct shell *shell, int argc, char **argv, int *levels)
{
    long count = argc > 1 ? parse_count(argv[1]) : 1;
    if (count < 1) {
        report("%s: %s: bad number", argv[0], argv[1]);
        return 1;
    }
    if (shell->loop_depth == 0)
        return 0;
    *levels = count > shell->loop_depth ? shell->loop_depth : (int)count;
    return 0;
}

static int builtin_break(struct shell *shell, int argc, char **argv)
{
    return loop_control(shell, argc, argv, &shell->break_levels);
}

static int builtin_continue(struct shell *shell, int argc, char **argv)
{
    return loop_control(shell, argc, argv, &shell->continue_levels);
}

// return [n]: leaves the running function (execute.c stops at `returning`).
static int builtin_return(struct shell *shell, int argc, char **argv)
{
    long status = argc > 1 ? parse_count(argv[1]) : shell->last_status;
    if (status < 0) {
        report("return: %s: bad number", argv[1]);
        status = 2;
    }
    if (shell->function_depth == 0) {
        report("return: not in a function");
        return 1;
    }
    shell->returning = true;
    return (int)(status & 0xff);
}

// eval [word...]: runs the words, joined by spaces, as shell text.
static int builtin_eval(struct shell *shell, int argc, char **argv)
{
    struct text text = { 0 };
    for (int i = 1; i < argc; ++i) {
        if (i > 1)
            text_push(&text, ' ');
        text_append_string(&text, argv[i]);
    }
    int status = text.length ? run_text(shell, text.data) : 0;
    text_free(&text);
    return status;
}

// exec [command [argument...]]: the command replaces the shell; without
// one, the redirections of the exec line stay for the rest of the shell.
static int builtin_exec(struct shell *shell, int argc, char **argv)
{
    if (argc == 1) {
        shell->keep_redirections = true;
        return 0;
    }
    // Variables given as NAME=value before exec are set (exec is special), so exported ones pass on.
    replace_shell(shell, argv + 1);
}

static int builtin_true(struct shell *shell, int argc, char **argv)
{
    (void)shell, (void)argc, (void)argv;
    return 0;
}

static int builtin_false(struct shell *shell, int argc, char **argv)
{
    (void)shell, (void)argc, (void)argv;
    return 1;
}

static int builtin_test(struct shell *shell, int argc, char **argv)
{
    (void)shell;
    return evaluate_test(argc, argv);
}

builtin_function *find_builtin(const char *name)
{
    static const struct {
        const char *name;
        builtin_function *function;
    } builtins[] = {
        { "cd", builtin_cd },
        { "pwd", builtin_pwd },
        { "export", builtin_export },
        { "unset", builtin_unset },
        { "exit", builtin_exit },
        { "wait", builtin_wait },
        { "echo", builtin_echo },
        { ".", builtin_source },
        { "source", builtin_source },
        { "set", builtin_set },
        { "shift", builtin_shift },
        { "break", builtin_break },
        { "continue", builtin_continue },
        { "true", builtin_true },
        { "false", builtin_false },
        { ":", builtin_true },
        { "test", builtin_test },
        { "[", builtin_test },
        { "read", builtin_read },
        { "return", builtin_return },
        { "eval", builtin_eval },
        { "exec", builtin_exec },
    };
    for (size_t i = 0; i < sizeof builtins / sizeof builtins[0]; ++i)
        if (strcmp(builtins[i].name, name) == 0)
            return builtins[i].function;
    return NULL;
}

bool is_special_builtin(const char *name)
{
    static const char *const special[]
        = { ".", ":", "break", "continue", "eval", "exec", "exit", "export", "return", "set", "shift", "unset" };
    for (size_t i = 0; i < sizeof special / sizeof special[0]; ++i)
        if (strcmp(special[i], name) == 0)
            return true;
    return false;
}
