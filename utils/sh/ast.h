// The syntax tree the parser builds and the executor walks.
//
//   list     := and_or ((";" | "&" | newline) and_or)*
//   and_or   := pipeline (("&&" | "||") pipeline)*
//   pipeline := ["!"] command ("|" command)*
//   command  := simple | if | while | until | for | case | ( list ) | { list; }
//               | name() command, each with redirections
//
// Words are kept as written (quotes included); they are expanded when run.
#ifndef SH_AST_H
#define SH_AST_H

#include <stdbool.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

enum redirect_kind {
    REDIRECT_INPUT, // n<file   (n = 0)
    REDIRECT_OUTPUT, // n>file   (n = 1)
    REDIRECT_APPEND, // n>>file  (n = 1)
    REDIRECT_READ_WRITE, // n<>file  (n = 0)
    REDIRECT_DUP_OUTPUT, // n>&m or n>&-  (n = 1)
    REDIRECT_DUP_INPUT, // n<&m or n<&-  (n = 0)
    REDIRECT_HEREDOC, // n<<word, n<<-word (n = 0): the lines that follow
};

struct redirect {
    enum redirect_kind kind;
    int fd;
    char *target; // a file name or, for the DUP kinds, a descriptor number or "-"
    char *heredoc; // REDIRECT_HEREDOC: the document's text
    bool heredoc_expand; // its delimiter was not quoted: $, ` and \ work in it
};

enum command_kind {
    COMMAND_SIMPLE,
    COMMAND_IF,
    COMMAND_WHILE,
    COMMAND_UNTIL,
    COMMAND_FOR,
    COMMAND_CASE,
    COMMAND_SUBSHELL, // ( body ): in a child process
    COMMAND_GROUP, // { body; }: in the shell itself
    COMMAND_FUNCTION, // variable() function_body: defines a function
};

struct case_item {
    char **patterns;
    size_t pattern_count;
    struct list *body; // may hold no items
};

struct list;

struct command {
    enum command_kind kind;
    // COMMAND_SIMPLE: leading NAME=value words, then the command's words.
    char **assignments;
    size_t assignment_count;
    char **words;
    size_t word_count;
    // COMMAND_IF: if condition then body [else else_body] fi (elif nests an
    // if in else_body); WHILE/UNTIL: condition and body; FOR: variable,
    // items (NULL when "in" is left out: the positional parameters), body;
    // SUBSHELL and GROUP: body.
    struct list *condition;
    struct list *body;
    struct list *else_body;
    char *variable;
    char **items;
    size_t item_count;
    bool has_items;
    // COMMAND_CASE: case variable (the word) in case_items esac.
    struct case_item *case_items;
    size_t case_item_count;
    // COMMAND_FUNCTION: the function's name is `variable`.
    struct command *function_body;
    // Applied around the whole command, compound ones included.
    struct redirect *redirects;
    size_t redirect_count;
};

struct pipeline {
    struct command **commands;
    size_t count;
    bool negated;
};

enum and_or_operator { AND_IF, OR_IF };

struct and_or {
    struct pipeline **pipelines;
    enum and_or_operator *operators; // operators[i] joins pipelines[i] and pipelines[i + 1]
    size_t count;
    bool background; // ended by "&"
};

struct list {
    struct and_or **items;
    size_t count;
};

void list_free(struct list *list);
void and_or_free(struct and_or *and_or);
void pipeline_free(struct pipeline *pipeline);
void command_free(struct command *command);
// A deep copy (a function keeps its body after the text that defined it is freed).
struct command *command_copy(const struct command *command);

#ifdef __cplusplus
}
#endif

#endif
