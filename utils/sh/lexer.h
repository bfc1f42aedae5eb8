// The lexer: shell text to tokens. A word keeps its quotes and backslashes
// exactly as written; expansion (expand.h) interprets and removes them.
#ifndef SH_LEXER_H
#define SH_LEXER_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

enum token_kind {
    TOKEN_WORD,
    TOKEN_NEWLINE,
    TOKEN_SEMICOLON, // ;
    TOKEN_AMPERSAND, // &
    TOKEN_PIPE, // |
    TOKEN_AND_IF, // &&
    TOKEN_OR_IF, // ||
    TOKEN_LESS, // <
    TOKEN_GREAT, // >
    TOKEN_DGREAT, // >>
    TOKEN_LESSGREAT, // <>
    TOKEN_GREATAND, // >&
    TOKEN_LESSAND, // <&
    TOKEN_LPAREN, // (
    TOKEN_RPAREN, // )
    TOKEN_DSEMI, // ;;
    TOKEN_DLESS, // <<  (here-document)
    TOKEN_DLESSDASH, // <<- (here-document, leading tabs removed)
    TOKEN_END, // the end of the text; always the last token
};

struct token {
    enum token_kind kind;
    char *text; // TOKEN_WORD: the word as written; otherwise NULL
    int io_number; // a redirection's explicit descriptor ("2>"), or -1
    // The word after << or <<-: the here-document's lines (each ending with
    // a newline), read from the lines after the command; and whether the
    // delimiter was quoted (then the lines are not expanded).
    char *heredoc;
    int heredoc_quoted;
};

struct token_list {
    struct token *items;
    size_t count;
    size_t capacity;
};

enum lex_status {
    LEX_OK,
    LEX_INCOMPLETE, // an open quote, "${", a trailing backslash or an unfinished here-document: more text is needed
};

// Splits `input` into tokens (appended to `tokens`, ending with TOKEN_END).
// `#` at the start of a word comments out the rest of the line.
enum lex_status lex(const char *input, struct token_list *tokens);
void tokens_free(struct token_list *tokens);

// Where a command substitution ends: given `open` at the '(' of "$(" (or
// at an opening backquote), the position just after the matching ')' (or
// backquote); NULL when the text ends first. Quotes and nested parentheses
// inside are honoured.
const char *substitution_end(const char *open);
// Where a braced parameter ends: given `open` at the '{' of "${", the
// position just after the matching '}', or NULL.
const char *parameter_end(const char *open);

#ifdef __cplusplus
}
#endif

#endif
