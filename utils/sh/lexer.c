#include "lexer.h"

#include "memory.h"
#include "text.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

static bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r'; }

static bool is_operator_start(char c)
{
    return c == '|' || c == '&' || c == ';' || c == '<' || c == '>' || c == '(' || c == ')' || c == '\n';
}

static void push_token(struct token_list *tokens, enum token_kind kind, char *text, int io_number)
{
    tokens->items = sh_grow(tokens->items, &tokens->capacity, tokens->count + 1, sizeof *tokens->items);
    tokens->items[tokens->count++] = (struct token) { kind, text, io_number, NULL, 0 };
}

// The operator at `p` (which is_operator_start); stores its length.
static enum token_kind operator_at(const char *p, size_t *length)
{
    static const struct {
        const char *spelling;
        enum token_kind kind;
    } operators[] = {
        { "&&", TOKEN_AND_IF },
        { "||", TOKEN_OR_IF },
        { ">>", TOKEN_DGREAT },
        { "<>", TOKEN_LESSGREAT },
        { "<<-", TOKEN_DLESSDASH },
        { "<<", TOKEN_DLESS },
        { ">&", TOKEN_GREATAND },
        { "<&", TOKEN_LESSAND },
        { ";;", TOKEN_DSEMI },
        { "|", TOKEN_PIPE },
        { "&", TOKEN_AMPERSAND },
        { ";", TOKEN_SEMICOLON },
        { "<", TOKEN_LESS },
        { ">", TOKEN_GREAT },
        { "(", TOKEN_LPAREN },
        { ")", TOKEN_RPAREN },
        { "\n", TOKEN_NEWLINE },
    };
    for (size_t i = 0; i < sizeof operators / sizeof operators[0]; ++i) {
        size_t n = strlen(operators[i].spelling);
        if (strncmp(p, operators[i].spelling, n) == 0) {
            *length = n;
            return operators[i].kind;
        }
    }
    *length = 1; // not reached: every operator start is in the table
    return TOKEN_NEWLINE;
}

static const char *double_quote_end(const char *p);

const char *substitution_end(const char *open)
{
    const char *p = open + 1;
    if (*open == '`') {
        while (*p && *p != '`')
            p += (*p == '\\' && p[1]) ? 2 : 1;
        return *p ? p + 1 : NULL;
    }
    int depth = 1;
    while (*p) {
        if (*p == '\\') {
            if (!p[1])
                return NULL;
            p += 2;
        } else if (*p == '\'') {
            p = strchr(p + 1, '\'');
            if (!p)
                return NULL;
            ++p;
        } else if (*p == '"') {
            p = double_quote_end(p + 1);
            if (!p)
                return NULL;
        } else if (*p == '(') {
            ++depth;
            ++p;
        } else if (*p == ')') {
            ++p;
            if (--depth == 0)
                return p;
        } else {
            ++p;
        }
    }
    return NULL;
}

const char *parameter_end(const char *open)
{
    const char *p = open + 1;
    while (*p && *p != '}') {
        if (*p == '\\') {
            if (!p[1])
                return NULL;
            p += 2;
        } else if (*p == '"') {
            p = double_quote_end(p + 1);
        } else if (*p == '\'') {
            p = strchr(p + 1, '\'');
            p = p ? p + 1 : NULL;
        } else if (p[0] == '$' && (p[1] == '(' || p[1] == '{')) {
            p = p[1] == '(' ? substitution_end(p + 1) : parameter_end(p + 1);
        } else if (p[0] == '`') {
            p = substitution_end(p);
        } else {
            ++p;
        }
        if (!p)
            return NULL;
    }
    return *p ? p + 1 : NULL;
}

// `p` is just after an opening '"': the position after the closing one, or NULL.
static const char *double_quote_end(const char *p)
{
    while (*p && *p != '"') {
        if (*p == '\\' && p[1]) {
            p += 2;
        } else if ((p[0] == '$' && p[1] == '(') || p[0] == '`') {
            p = substitution_end(p[0] == '$' ? p + 1 : p);
            if (!p)
                return NULL;
        } else if (p[0] == '$' && p[1] == '{') {
            p = parameter_end(p + 1);
            if (!p)
                return NULL;
        } else {
            ++p;
        }
    }
    return *p ? p + 1 : NULL;
}

// Finds the end of the word starting at `p`, honouring quotes; NULL if the
// text ends inside a quote or after a backslash.
static const char *word_end(const char *p)
{
    while (*p && !is_blank(*p) && !is_operator_start(*p)) {
        if (*p == '\\') {
            if (!p[1])
                return NULL;
            p += 2;
        } else if (*p == '\'') {
            p = strchr(p + 1, '\'');
            if (!p)
                return NULL;
            ++p;
        } else if (*p == '"') {
            p = double_quote_end(p + 1);
            if (!p)
                return NULL;
        } else if ((p[0] == '$' && p[1] == '(') || p[0] == '`') {
            p = substitution_end(p[0] == '$' ? p + 1 : p);
            if (!p)
                return NULL;
        } else if (p[0] == '$' && p[1] == '{') {
            p = parameter_end(p + 1);
            if (!p)
                return NULL;
        } else {
            ++p;
        }
    }
    return p;
}

static bool all_digits(const char *p, size_t length)
{
    if (length == 0 || length > 4)
        return false;
    for (size_t i = 0; i < length; ++i)
        if (p[i] < '0' || p[i] > '9')
            return false;
    return true;
}

// Here-documents whose delimiter was seen on the current line: their
// lines follow the next newline.
struct pending_heredocs {
    size_t tokens[16]; // the delimiter words' indices
    bool strip_tabs[16];
    size_t count;
};

// The delimiter as it is compared: quotes and backslashes removed.
static char *delimiter_of(const char *word, int *quoted)
{
    struct text out = { 0 };
    *quoted = 0;
    for (const char *p = word; *p; ++p) {
        if (*p == '\'' || *p == '"') {
            *quoted = 1;
            continue;
        }
        if (*p == '\\' && p[1]) {
            *quoted = 1;
            ++p;
        }
        text_push(&out, *p);
    }
    return text_take(&out);
}

// Reads the bodies of the pending here-documents from `*p` (the start of
// the line after the command). False when the text ends before a delimiter.
static bool read_heredocs(const char **p, struct token_list *tokens, struct pending_heredocs *pending)
{
    for (size_t i = 0; i < pending->count; ++i) {
        struct token *word = &tokens->items[pending->tokens[i]];
        char *delimiter = delimiter_of(word->text, &word->heredoc_quoted);
        struct text body = { 0 };
        bool found = false;
        while (**p && !found) {
            const char *line = *p;
            if (pending->strip_tabs[i])
                while (*line == '\t')
                    ++line;
            const char *newline = strchr(line, '\n');
            size_t length = newline ? (size_t)(newline - line) : strlen(line);
            found = length == strlen(delimiter) && strncmp(line, delimiter, length) == 0;
            if (!found)
                text_append(&body, line, length), text_push(&body, '\n');
            *p = newline ? newline + 1 : line + length;
        }
        free(delimiter);
        if (!found) {
            text_free(&body);
            return false;
        }
        word->heredoc = text_take(&body);
    }
    pending->count = 0;
    return true;
}

enum lex_status lex(const char *input, struct token_list *tokens)
{
    const char *p = input;
    struct pending_heredocs pending = { { 0 }, { false }, 0 };
    for (;;) {
        while (is_blank(*p))
            ++p;
        if (p[0] == '\\' && p[1] == '\n') { // a line continuation
            p += 2;
            continue;
        }
        if (*p == '#') {
            while (*p && *p != '\n')
                ++p;
        }
        if (!*p)
            break;
        if (is_operator_start(*p)) {
            size_t length;
            enum token_kind kind = operator_at(p, &length);
            push_token(tokens, kind, NULL, -1);
            p += length;
            if (kind == TOKEN_NEWLINE && pending.count && !read_heredocs(&p, tokens, &pending))
                return push_token(tokens, TOKEN_END, NULL, -1), LEX_INCOMPLETE;
            continue;
        }
        const char *end = word_end(p);
        if (!end) {
            push_token(tokens, TOKEN_END, NULL, -1);
            return LEX_INCOMPLETE;
        }
        size_t length = (size_t)(end - p);
        if ((*end == '<' || *end == '>') && all_digits(p, length)) {
            size_t op_length;
            enum token_kind kind = operator_at(end, &op_length);
            push_token(tokens, kind, NULL, atoi(p));
            p = end + op_length;
            continue;
        }
        push_token(tokens, TOKEN_WORD, sh_strndup(p, length), -1);
        p = end;
        enum token_kind before = tokens->count >= 2 ? tokens->items[tokens->count - 2].kind : TOKEN_END;
        if ((before == TOKEN_DLESS || before == TOKEN_DLESSDASH)
            && pending.count < sizeof pending.tokens / sizeof pending.tokens[0]) {
            pending.tokens[pending.count] = tokens->count - 1;
            pending.strip_tabs[pending.count++] = before == TOKEN_DLESSDASH;
        }
    }
    push_token(tokens, TOKEN_END, NULL, -1);
    // A here-document's lines must follow its command's line.
    return pending.count ? LEX_INCOMPLETE : LEX_OK;
}

void tokens_free(struct token_list *tokens)
{
    for (size_t i = 0; i < tokens->count; ++i) {
        free(tokens->items[i].text);
        free(tokens->items[i].heredoc);
    }
    free(tokens->items);
    tokens->items = NULL;
    tokens->count = 0;
    tokens->capacity = 0;
}
