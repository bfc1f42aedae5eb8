#include "execute.h"

#include "builtins.h"
#include "jobs.h"
#include "memory.h"
#include "redirect.h"
#include "report.h"
#include "signals.h"
#include "substitution.h"
#include "text.h"

#include <errno.h>
#include <fnmatch.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static int run_command(struct shell *shell, const struct command *command, bool in_child);

// Forks a child for a command. Under job control the child joins the
// job's process group `*pgid` (the first child founds it) and, in the
// foreground, takes the terminal; both sides set the group so that neither
// order of running races. Returns as fork does (-1 after reporting).
static pid_t fork_child(struct shell *shell, pid_t *pgid, bool foreground)
{
    fflush(NULL);
    pid_t pid = fork();
    if (pid < 0) {
        report("fork: %s", strerror(errno));
        return -1;
    }
    if (pid == 0) {
        if (shell->interactive) {
            setpgid(0, *pgid ? *pgid : getpid());
            if (foreground)
                tcsetpgrp(shell->terminal_fd, getpgrp());
        }
        signals_for_child(!foreground && !shell->interactive);
        shell->interactive = false; // a subshell does no job control and prints no prompt
        shell->job_count = 0; // nor does it own the parent's jobs
        return 0;
    }
    if (shell->interactive) {
        if (!*pgid)
            *pgid = pid;
        setpgid(pid, *pgid);
    }
    return pid;
}

// Waits for a foreground job's processes; the status of the last one. The
// shell takes the terminal back afterwards.
static int wait_foreground(struct shell *shell, const pid_t *pids, size_t count)
{
    int status = 0;
    bool interrupted = false;
    for (size_t i = 0; i < count; ++i) {
        int wait_status = 0;
        pid_t result;
        do
            result = waitpid(pids[i], &wait_status, 0);
        while (result < 0 && errno == EINTR);
        status = result < 0 ? 127 : status_from_wait(wait_status);
        interrupted |= result > 0 && WIFSIGNALED(wait_status) && WTERMSIG(wait_status) == SIGINT;
    }
    if (shell->interactive) {
        tcsetpgrp(shell->terminal_fd, shell->shell_pgid);
        if (interrupted)
            write_all(STDERR_FILENO, "\n", 1);
    }
    return status;
}

// A word could not be expanded (a bad substitution, ${name?}): as POSIX
// says, a shell that is not interactive ends; else the command fails.
static int expansion_failed(struct shell *shell)
{
    if (!shell->interactive)
        shell_exit(shell, 2);
    return 1;
}

// NAME=value words: sets each variable (exported too with `exported`);
// 0, or 1 after reporting a bad substitution.
static int assign(struct shell *shell, const struct command *command, bool exported)
{
    for (size_t i = 0; i < command->assignment_count; ++i) {
        const char *word = command->assignments[i];
        const char *equals = strchr(word, '=');
        struct expand_environment environment = shell_expand_environment(shell);
        char message[128];
        char *value = expand_word(&environment, equals + 1, message, sizeof message);
        if (!value) {
            report("%s", message);
            return expansion_failed(shell);
        }
        char *name = sh_strndup(word, (size_t)(equals - word));
        variables_set(&shell->variables, name, value, exported);
        free(name);
        free(value);
    }
    return 0;
}

static void trace(const struct shell *shell, const struct command *command, const struct word_list *words)
{
    if (!shell->trace)
        return;
    struct text line = { 0 };
    text_push(&line, '+');
    for (size_t i = 0; i < command->assignment_count; ++i) {
        text_push(&line, ' ');
        text_append_string(&line, command->assignments[i]);
    }
    for (size_t i = 0; i < words->count; ++i) {
        text_push(&line, ' ');
        text_append_string(&line, words->items[i]);
    }
    text_push(&line, '\n');
    write_all(STDERR_FILENO, line.data, line.length);
    text_free(&line);
}

// In a child: the command's redirections and variables, then the program.
_Noreturn static void exec_external(struct shell *shell, const struct command *command, struct word_list *words)
{
    if (apply_redirects(shell, command->redirects, command->redirect_count, NULL) < 0 || assign(shell, command, true))
        shell_exit(shell, 1);
    replace_shell(shell, words->items);
}

// The variables a command's NAME=value prefixes will change, as they are
// now (an unset one is absent from `saved`).
static void save_assigned(struct shell *shell, const struct command *command, struct variables *saved)
{
    for (size_t i = 0; i < command->assignment_count; ++i) {
        const char *word = command->assignments[i];
        char *name = sh_strndup(word, (size_t)(strchr(word, '=') - word));
        const char *value = variables_get(&shell->variables, name);
        if (value)
            variables_set(saved, name, value, false);
        free(name);
    }
}

static void restore_assigned(struct shell *shell, const struct command *command, struct variables *saved)
{
    for (size_t i = 0; i < command->assignment_count; ++i) {
        const char *word = command->assignments[i];
        char *name = sh_strndup(word, (size_t)(strchr(word, '=') - word));
        const char *value = variables_get(saved, name);
        if (value)
            variables_set(&shell->variables, name, value, false);
        else
            variables_unset(&shell->variables, name);
        free(name);
    }
    variables_free(saved);
}

static int run_builtin(struct shell *shell, builtin_function *builtin, const struct command *command,
    struct word_list *words, bool in_child)
{
    bool temporary = !is_special_builtin(words->items[0]) && command->assignment_count > 0;
    struct variables saved_variables = { 0 };
    if (temporary)
        save_assigned(shell, command, &saved_variables);
    int status = 1;
    struct saved_descriptors saved;
    if (assign(shell, command, false) == 0
        && apply_redirects(shell, command->redirects, command->redirect_count, in_child ? NULL : &saved) == 0) {
        status = builtin(shell, (int)words->count, words->items);
        if (!in_child && shell->keep_redirections)
            keep_redirects(&saved);
        else if (!in_child)
            restore_redirects(&saved);
        shell->keep_redirections = false;
    }
    if (temporary)
        restore_assigned(shell, command, &saved_variables);
    return status;
}

// A function call: its arguments become the positional parameters for a while.
static int run_function(struct shell *shell, const struct function *function, const struct command *command,
    struct word_list *words, bool in_child)
{
    struct command *body = function->body; // stays valid: a redefinition keeps the old body
    char **saved_positional = shell->positional;
    size_t saved_count = shell->positional_count;
    shell->positional = NULL;
    shell->positional_count = 0;
    shell_set_positional(shell, words->items + 1, words->count - 1);
    struct variables saved_variables = { 0 };
    save_assigned(shell, command, &saved_variables);
    int status = 1;
    struct saved_descriptors saved;
    if (assign(shell, command, false) == 0
        && apply_redirects(shell, command->redirects, command->redirect_count, in_child ? NULL : &saved) == 0) {
        ++shell->function_depth;
        status = run_command(shell, body, false);
        --shell->function_depth;
        shell->returning = false;
        if (!in_child)
            restore_redirects(&saved);
    }
    restore_assigned(shell, command, &saved_variables);
    shell_set_positional(shell, NULL, 0);
    free(shell->positional);
    shell->positional = saved_positional;
    shell->positional_count = saved_count;
    return status;
}

static int run_simple(struct shell *shell, const struct command *command, bool in_child)
{
    struct expand_environment environment = shell_expand_environment(shell);
    struct word_list words = { 0 };
    char message[128];
    shell->substitution_status = -1;
    if (expand_words(&environment, command->words, command->word_count, &words, message, sizeof message) < 0) {
        report("%s", message);
        words_free(&words);
        return expansion_failed(shell);
    }
    trace(shell, command, &words);
    int status;
    if (words.count == 0) {
        // Only assignments and redirections: the variables stay; the
        // redirections are done (a file is created) and undone.
        // Its status is that of the last command substitution, if any.
        struct saved_descriptors saved;
        status = assign(shell, command, false);
        if (status == 0 && apply_redirects(shell, command->redirects, command->redirect_count, &saved) < 0)
            status = 1;
        else if (status == 0)
            restore_redirects(&saved);
        if (status == 0 && shell->substitution_status >= 0)
            status = shell->substitution_status;
    } else if (shell_find_function(shell, words.items[0]) && !is_special_builtin(words.items[0])) {
        status = run_function(shell, shell_find_function(shell, words.items[0]), command, &words, in_child);
    } else if (find_builtin(words.items[0])) {
        status = run_builtin(shell, find_builtin(words.items[0]), command, &words, in_child);
    } else if (in_child) {
        exec_external(shell, command, &words);
    } else {
        pid_t pgid = 0;
        pid_t pid = fork_child(shell, &pgid, true);
        if (pid == 0)
            exec_external(shell, command, &words);
        status = pid < 0 ? 1 : wait_foreground(shell, &pid, 1);
    }
    words_free(&words);
    return status;
}

// After a loop's condition or body ran: whether break or continue leaves
// this loop (continue N > 1 leaves it so that an outer loop continues).
static bool leave_loop(struct shell *shell)
{
    if (shell->returning)
        return true;
    if (shell->break_levels) {
        --shell->break_levels;
        return true;
    }
    if (shell->continue_levels) {
        --shell->continue_levels;
        return shell->continue_levels > 0;
    }
    return false;
}

static int run_condition(struct shell *shell, const struct list *condition)
{
    ++shell->condition_depth;
    int status = run_list(shell, condition);
    --shell->condition_depth;
    return status;
}

static int run_if(struct shell *shell, const struct command *command)
{
    if (run_condition(shell, command->condition) == 0)
        return run_list(shell, command->body);
    if (command->else_body)
        return run_list(shell, command->else_body);
    return 0;
}

static int run_while(struct shell *shell, const struct command *command)
{
    int status = 0;
    ++shell->loop_depth;
    for (;;) {
        int condition = run_condition(shell, command->condition);
        if (shell->break_levels || shell->continue_levels || shell->returning) {
            if (leave_loop(shell))
                break;
            continue;
        }
        if ((condition == 0) != (command->kind == COMMAND_WHILE))
            break;
        status = run_list(shell, command->body);
        if (leave_loop(shell))
            break;
    }
    --shell->loop_depth;
    return status;
}

static int run_for(struct shell *shell, const struct command *command)
{
    struct word_list items = { 0 };
    if (command->has_items) {
        struct expand_environment environment = shell_expand_environment(shell);
        char message[128];
        if (expand_words(&environment, command->items, command->item_count, &items, message, sizeof message) < 0) {
            report("%s", message);
            words_free(&items);
            return expansion_failed(shell);
        }
    } else {
        for (size_t i = 0; i < shell->positional_count; ++i)
            words_push(&items, sh_strdup(shell->positional[i]));
    }
    int status = 0;
    ++shell->loop_depth;
    for (size_t i = 0; i < items.count; ++i) {
        if (variables_set(&shell->variables, command->variable, items.items[i], false) < 0) {
            report("%s: bad variable name", command->variable);
            status = 1;
            break;
        }
        status = run_list(shell, command->body);
        if (leave_loop(shell))
            break;
    }
    --shell->loop_depth;
    words_free(&items);
    return status;
}

static int run_case(struct shell *shell, const struct command *command)
{
    struct expand_environment environment = shell_expand_environment(shell);
    char message[128];
    char *subject = expand_word(&environment, command->variable, message, sizeof message);
    if (!subject) {
        report("%s", message);
        return expansion_failed(shell);
    }
    int status = 0;
    bool matched = false;
    for (size_t i = 0; i < command->case_item_count && !matched; ++i) {
        const struct case_item *item = &command->case_items[i];
        for (size_t j = 0; j < item->pattern_count && !matched; ++j) {
            char *pattern = expand_pattern(&environment, item->patterns[j], message, sizeof message);
            if (!pattern) {
                report("%s", message);
                free(subject);
                return expansion_failed(shell);
            }
            matched = fnmatch(pattern, subject, 0) == 0;
            free(pattern);
        }
        if (matched)
            status = run_list(shell, item->body);
    }
    free(subject);
    return status;
}

// ( list ): in a child, so that cd, variables and exit stay inside.
static int run_subshell(struct shell *shell, const struct command *command, bool in_child)
{
    if (in_child)
        return run_list(shell, command->body);
    pid_t pgid = 0;
    pid_t pid = fork_child(shell, &pgid, true);
    if (pid == 0)
        shell_exit(shell, run_list(shell, command->body));
    return pid < 0 ? 1 : wait_foreground(shell, &pid, 1);
}

static int run_compound(struct shell *shell, const struct command *command, bool in_child)
{
    struct saved_descriptors saved;
    if (apply_redirects(shell, command->redirects, command->redirect_count, in_child ? NULL : &saved) < 0)
        return 1;
    int status;
    switch (command->kind) {
    case COMMAND_IF: status = run_if(shell, command); break;
    case COMMAND_WHILE:
    case COMMAND_UNTIL: status = run_while(shell, command); break;
    case COMMAND_FOR: status = run_for(shell, command); break;
    case COMMAND_CASE: status = run_case(shell, command); break;
    case COMMAND_SUBSHELL: status = run_subshell(shell, command, in_child); break;
    case COMMAND_GROUP: status = run_list(shell, command->body); break;
    case COMMAND_FUNCTION:
        shell_define_function(shell, command->variable, command->function_body);
        status = 0;
        break;
    default: status = 1; break;
    }
    if (!in_child)
        restore_redirects(&saved);
    return status;
}

static int run_command(struct shell *shell, const struct command *command, bool in_child)
{
    if (command->kind == COMMAND_SIMPLE)
        return run_simple(shell, command, in_child);
    return run_compound(shell, command, in_child);
}

// cmd1 | cmd2 | ...: one child per command, joined by pipes.
static int run_multiple(struct shell *shell, const struct pipeline *pipeline)
{
    pid_t *pids = sh_malloc(pipeline->count * sizeof *pids);
    size_t started = 0;
    pid_t pgid = 0;
    int input = -1;
    bool failed = false;
    for (size_t i = 0; i < pipeline->count; ++i) {
        int ends[2] = { -1, -1 };
        if (i + 1 < pipeline->count && pipe(ends) < 0) {
            report("pipe: %s", strerror(errno));
            failed = true;
            break;
        }
        pid_t pid = fork_child(shell, &pgid, true);
        if (pid == 0) {
            if (input >= 0) {
                dup2(input, STDIN_FILENO);
                close(input);
            }
            if (ends[1] >= 0) {
                dup2(ends[1], STDOUT_FILENO);
                close(ends[1]);
                close(ends[0]);
            }
            shell_exit(shell, run_command(shell, pipeline->commands[i], true));
        }
        if (input >= 0)
            close(input);
        if (ends[1] >= 0)
            close(ends[1]);
        input = ends[0];
        if (pid < 0) {
            failed = true;
            break;
        }
        pids[started++] = pid;
    }
    if (input >= 0)
        close(input);
    int status = wait_foreground(shell, pids, started);
    free(pids);
    return failed ? 1 : status;
}

static int run_pipeline(struct shell *shell, const struct pipeline *pipeline)
{
    int status
        = pipeline->count == 1 ? run_command(shell, pipeline->commands[0], false) : run_multiple(shell, pipeline);
    return pipeline->negated ? !status : status;
}

static int run_and_or(struct shell *shell, const struct and_or *and_or)
{
    int status = 0;
    for (size_t i = 0; i < and_or->count; ++i) {
        if (i > 0 && ((and_or->operators[i - 1] == AND_IF) != (status == 0)))
            continue;
        bool last = i + 1 == and_or->count;
        if (!last)
            ++shell->condition_depth;
        status = run_pipeline(shell, and_or->pipelines[i]);
        if (!last)
            --shell->condition_depth;
        shell->last_status = status;
        if (last && status != 0 && shell->exit_on_error && shell->condition_depth == 0
            && !and_or->pipelines[i]->negated)
            shell_exit(shell, status);
    }
    return status;
}

static int start_background(struct shell *shell, const struct and_or *and_or)
{
    pid_t pgid = 0;
    pid_t pid = fork_child(shell, &pgid, false);
    if (pid < 0)
        return 1;
    if (pid == 0)
        shell_exit(shell, run_and_or(shell, and_or));
    jobs_add(shell, pid);
    shell->last_background_pid = pid;
    if (shell->interactive) {
        char line[32];
        snprintf(line, sizeof line, "[%ld]\n", (long)pid);
        write_all(STDERR_FILENO, line, strlen(line));
    }
    return 0;
}

int run_list(struct shell *shell, const struct list *list)
{
    int status = shell->last_status;
    for (size_t i = 0; i < list->count; ++i) {
        status
            = list->items[i]->background ? start_background(shell, list->items[i]) : run_and_or(shell, list->items[i]);
        shell->last_status = status;
        if (shell->break_levels || shell->continue_levels || shell->returning)
            break;
    }
    return status;
}
