#include "expand.h"

#include "lexer.h"
#include "memory.h"
#include "pathname.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

// Every expanded byte remembers where it came from, because splitting and
// pathname expansion treat them differently:
enum origin {
    ORIGIN_LITERAL = 'l',   // written unquoted: may be a pattern, never split
    ORIGIN_QUOTED = 'q',    // quoted: taken as is
    ORIGIN_EXPANDED = 'e',  // an unquoted expansion's result: split on IFS, may be a pattern
    MARK_QUOTES = 'Q',      // no byte: quotes were here, so the word makes a field even if empty
    MARK_BREAK = 'B',       // no byte: "$@" separates fields here
};

struct expansion {
    struct text bytes;
    struct text origins;  // one enum origin per entry of `bytes`
    const struct expand_environment *environment;
    char *message;
    size_t message_size;
    bool failed;
};

static void emit(struct expansion *out, const char *bytes, size_t length, enum origin origin)
{
    for (size_t i = 0; i < length; ++i) {
        text_push(&out->bytes, bytes[i]);
        text_push(&out->origins, (char)origin);
    }
}

static void mark(struct expansion *out, enum origin marker)
{
    text_push(&out->bytes, '\0');
    text_push(&out->origins, (char)marker);
}

static void emit_number(struct expansion *out, long number, enum origin origin)
{
    char digits[32];
    snprintf(digits, sizeof digits, "%ld", number);
    emit(out, digits, strlen(digits), origin);
}

static bool is_name_char(char c)
{
    return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// $@ and $*: the positional parameters. Quoted "$@" keeps them apart.
static void emit_all_positional(struct expansion *out, bool separate_fields, enum origin origin)
{
    const struct expand_environment *environment = out->environment;
    const char *ifs = variables_get(environment->variables, "IFS");
    char separator = ifs ? ifs[0] : ' ';
    for (size_t i = 0; i < environment->positional_count; ++i) {
        if (i > 0) {
            if (separate_fields)
                mark(out, MARK_BREAK);
            else if (separator)
                emit(out, &separator, 1, origin);
        }
        emit(out, environment->positional[i], strlen(environment->positional[i]), origin);
    }
}

// Expands the parameter `name` (length bytes: a name, a digit string or one
// special character).
static void emit_parameter(struct expansion *out, const char *name, size_t length, bool quoted)
{
    const struct expand_environment *environment = out->environment;
    enum origin origin = quoted ? ORIGIN_QUOTED : ORIGIN_EXPANDED;
    if (length == 1) {
        switch (name[0]) {
        case '?': emit_number(out, environment->last_status, origin); return;
        case '$': emit_number(out, environment->shell_pid, origin); return;
        case '#': emit_number(out, (long)environment->positional_count, origin); return;
        case '!':
            if (environment->last_background_pid)
                emit_number(out, environment->last_background_pid, origin);
            return;
        case '@': emit_all_positional(out, quoted, origin); return;
        case '*': emit_all_positional(out, false, origin); return;
        case '0': {
            const char *script = environment->script_name ? environment->script_name : "sh";
            emit(out, script, strlen(script), origin);
            return;
        }
        }
    }
    if (name[0] >= '0' && name[0] <= '9') {
        size_t index = 0;
        for (size_t i = 0; i < length; ++i)
            index = index * 10 + (size_t)(name[i] - '0');
        if (index >= 1 && index <= environment->positional_count)
            emit(out, environment->positional[index - 1], strlen(environment->positional[index - 1]), origin);
        return;
    }
    char *key = sh_strndup(name, length);
    const char *value = variables_get(environment->variables, key);
    free(key);
    if (value)
        emit(out, value, strlen(value), origin);
}

static void fail_with(struct expansion *out, const char *message)
{
    if (!out->failed)
        snprintf(out->message, out->message_size, "%s", message);
    out->failed = true;
}

// Runs `command` and emits its output without the trailing newlines.
static void emit_command_output(struct expansion *out, const char *command, bool quoted)
{
    const struct expand_environment *environment = out->environment;
    if (!environment->substitute) {
        fail_with(out, "command substitution is not available here");
        return;
    }
    char *output = environment->substitute(environment->substitute_context, command);
    if (!output) {
        fail_with(out, "command substitution failed");
        return;
    }
    size_t length = strlen(output);
    while (length > 0 && output[length - 1] == '\n')
        --length;
    emit(out, output, length, quoted ? ORIGIN_QUOTED : ORIGIN_EXPANDED);
    free(output);
}

// At `p` is the '(' of "$(" or an opening backquote. Returns the position after the substitution.
static const char *expand_substitution(struct expansion *out, const char *p, bool quoted)
{
    const char *end = substitution_end(p);
    if (!end) {
        fail_with(out, "unterminated command substitution");
        return p + strlen(p);
    }
    struct text command = { 0 };
    for (const char *c = p + 1; c < end - 1; ++c) {
        // Inside backquotes a backslash quotes only $, ` and itself.
        if (*p == '`' && c[0] == '\\' && (c[1] == '$' || c[1] == '`' || c[1] == '\\'))
            ++c;
        text_push(&command, *c);
    }
    char *text = text_take(&command);
    emit_command_output(out, text, quoted);
    free(text);
    return end;
}

static bool is_special_parameter(char c)
{
    return c == '?' || c == '$' || c == '#' || c == '!' || c == '@' || c == '*' || (c >= '0' && c <= '9');
}

// At `p` is a '$'. Expands what follows and returns the position after it.
static const char *expand_dollar(struct expansion *out, const char *p, bool quoted)
{
    ++p;
    if (*p == '(')
        return expand_substitution(out, p, quoted);
    if (*p == '{') {
        const char *close = strchr(p, '}');
        size_t length = close ? (size_t)(close - p - 1) : 0;
        bool valid = close && (variable_name_valid(p + 1, length) ||
                               (length == 1 && is_special_parameter(p[1])) ||
                               (length > 0 && strspn(p + 1, "0123456789") == length));
        if (!valid) {
            fail_with(out, "bad substitution");
            return close ? close + 1 : p + strlen(p);
        }
        emit_parameter(out, p + 1, length, quoted);
        return close + 1;
    }
    if (is_special_parameter(*p)) {
        emit_parameter(out, p, 1, quoted);
        return p + 1;
    }
    if (variable_name_valid(p, 1)) {
        const char *end = p;
        while (is_name_char(*end))
            ++end;
        emit_parameter(out, p, (size_t)(end - p), quoted);
        return end;
    }
    emit(out, "$", 1, quoted ? ORIGIN_QUOTED : ORIGIN_LITERAL); // a lone '$' is itself
    return p;
}

// At `p` is the byte after an opening '"'. Returns the position after the closing one.
static const char *expand_double_quoted(struct expansion *out, const char *p)
{
    bool only_empty_at = strncmp(p, "$@\"", 3) == 0 && out->environment->positional_count == 0;
    while (*p && *p != '"') {
        if (*p == '\\' && p[1] == '\n') {
            p += 2;
        } else if (*p == '\\' && (p[1] == '$' || p[1] == '"' || p[1] == '\\' || p[1] == '`')) {
            emit(out, p + 1, 1, ORIGIN_QUOTED);
            p += 2;
        } else if (*p == '$') {
            p = expand_dollar(out, p, true);
        } else if (*p == '`') {
            p = expand_substitution(out, p, true);
        } else {
            emit(out, p++, 1, ORIGIN_QUOTED);
        }
    }
    if (!only_empty_at) // "$@" with no parameters makes no field at all
        mark(out, MARK_QUOTES);
    return *p ? p + 1 : p;
}

static void expand_tilde(struct expansion *out, const char **word)
{
    const char *p = *word;
    if (p[0] != '~' || (p[1] != '\0' && p[1] != '/'))
        return; // "~user" is left as written
    const char *home = variables_get(out->environment->variables, "HOME");
    if (!home)
        return;
    emit(out, home, strlen(home), ORIGIN_QUOTED);
    *word = p + 1;
}

// The first pass: every byte of `word` with its origin.
static void expand_into(struct expansion *out, const char *word)
{
    const char *p = word;
    expand_tilde(out, &p);
    while (*p && !out->failed) {
        if (*p == '\\') {
            if (p[1] && p[1] != '\n')
                emit(out, p + 1, 1, ORIGIN_QUOTED);
            p += p[1] ? 2 : 1;
        } else if (*p == '\'') {
            const char *close = strchr(p + 1, '\'');
            size_t length = close ? (size_t)(close - p - 1) : strlen(p + 1);
            emit(out, p + 1, length, ORIGIN_QUOTED);
            mark(out, MARK_QUOTES);
            p += length + 1 + (close ? 1 : 0);
        } else if (*p == '"') {
            p = expand_double_quoted(out, p + 1);
        } else if (*p == '$') {
            p = expand_dollar(out, p, false);
        } else if (*p == '`') {
            p = expand_substitution(out, p, false);
        } else {
            emit(out, p++, 1, ORIGIN_LITERAL);
        }
    }
}

static void expansion_init(struct expansion *out, const struct expand_environment *environment, char *message,
                           size_t message_size)
{
    memset(out, 0, sizeof *out);
    out->environment = environment;
    out->message = message;
    out->message_size = message_size;
    if (message_size)
        message[0] = '\0';
}

static void expansion_free(struct expansion *out)
{
    text_free(&out->bytes);
    text_free(&out->origins);
}

char *expand_word(const struct expand_environment *environment, const char *word, char *message, size_t message_size)
{
    struct expansion out;
    expansion_init(&out, environment, message, message_size);
    expand_into(&out, word);
    if (out.failed) {
        expansion_free(&out);
        return NULL;
    }
    struct text result = { 0 };
    for (size_t i = 0; i < out.bytes.length; ++i) {
        char origin = out.origins.data[i];
        if (origin == MARK_BREAK)
            text_push(&result, ' ');
        else if (origin != MARK_QUOTES)
            text_push(&result, out.bytes.data[i]);
    }
    expansion_free(&out);
    return text_take(&result);
}

// A field being split off: its bytes as a pattern (quoted magic characters
// escaped with a backslash) and whether anything in it may match files.
struct field {
    struct text pattern;
    bool has_magic;
    bool exists;  // has bytes or was quoted: it becomes a field even if empty
};

static void finish_field(struct field *field, struct word_list *fields)
{
    if (field->exists) {
        char *pattern = text_take(&field->pattern);
        if (!(field->has_magic && pattern_has_magic(pattern) && expand_pathname(pattern, fields) > 0))
            words_push(fields, pattern_unescape(pattern));
        free(pattern);
    }
    text_free(&field->pattern);
    field->has_magic = false;
    field->exists = false;
}

static void add_byte(struct field *field, char c, enum origin origin)
{
    bool magic = c == '*' || c == '?' || c == '[';
    if (origin == ORIGIN_QUOTED ? (magic || c == '\\' || c == ']') : c == '\\')
        text_push(&field->pattern, '\\');
    else if (magic)
        field->has_magic = true;
    text_push(&field->pattern, c);
    field->exists = true;
}

// The second pass: IFS splitting, then pathname expansion of each field.
static void split_fields(const struct expansion *out, struct word_list *fields)
{
    const char *ifs = variables_get(out->environment->variables, "IFS");
    if (!ifs)
        ifs = " \t\n";
    struct field field = { { 0 }, false, false };
    for (size_t i = 0; i < out->bytes.length; ++i) {
        char c = out->bytes.data[i];
        enum origin origin = (enum origin)out->origins.data[i];
        if (origin == MARK_QUOTES) {
            field.exists = true;
        } else if (origin == MARK_BREAK) {
            field.exists = true;
            finish_field(&field, fields);
            field.exists = true; // the next parameter is a field even if empty
        } else if (origin == ORIGIN_EXPANDED && c && strchr(ifs, c)) {
            bool whitespace = c == ' ' || c == '\t' || c == '\n';
            if (!whitespace)
                field.exists = true; // "a::b" with IFS=':' has an empty field
            finish_field(&field, fields);
        } else {
            add_byte(&field, c, origin);
        }
    }
    finish_field(&field, fields);
}

int expand_words(const struct expand_environment *environment, char *const *words, size_t count,
                 struct word_list *fields, char *message, size_t message_size)
{
    for (size_t i = 0; i < count; ++i) {
        struct expansion out;
        expansion_init(&out, environment, message, message_size);
        expand_into(&out, words[i]);
        if (out.failed) {
            expansion_free(&out);
            return -1;
        }
        split_fields(&out, fields);
        expansion_free(&out);
    }
    return 0;
}
