// Word expansion: tilde, parameters ($name ${name} $? $$ $# $! $0..$9 $@ $*),
// command substitution ($(...) and backquotes), arithmetic ($((...))),
// quote removal, field splitting on IFS and pathname expansion, in the order
// POSIX gives.
#ifndef SH_EXPAND_H
#define SH_EXPAND_H

#include "text.h"
#include "variables.h"

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

// What parameters expand to.
struct expand_environment {
    const struct variables *variables;
    char *const *positional; // $1, $2, ...
    size_t positional_count;
    const char *script_name; // $0
    int last_status; // $?
    long shell_pid; // $$
    long last_background_pid; // $!; 0 when no job was started yet (expands to "")
    // Runs `command` for $(command) and `command`: its output as a new
    // string (the caller strips trailing newlines), or NULL on failure.
    // Without it, a command substitution is an error.
    char *(*substitute)(void *context, const char *command);
    void *substitute_context;
};

// Expands `words` into `fields` (with splitting and pathname expansion).
// Returns 0, or -1 with `message` set for a bad substitution.
int expand_words(const struct expand_environment *environment, char *const *words, size_t count,
    struct word_list *fields, char *message, size_t message_size);

// Expands one word into one string without splitting or pathname expansion
// (assignments, redirection targets, "case"-like uses). NULL with `message`
// set for a bad substitution.
char *expand_word(const struct expand_environment *environment, const char *word, char *message, size_t message_size);

// Expands a here-document's text: parameters, command substitution and
// arithmetic; a backslash quotes only $, `, \ and a newline. NULL with
// `message` set on failure.
char *expand_heredoc(
    const struct expand_environment *environment, const char *text, char *message, size_t message_size);

// Expands a word into an fnmatch pattern (a case pattern): quoted pattern
// characters come out escaped, so they match only themselves.
char *expand_pattern(
    const struct expand_environment *environment, const char *word, char *message, size_t message_size);

#ifdef __cplusplus
}
#endif

#endif
