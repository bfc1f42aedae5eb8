#include "expand.h"

#include "arithmetic.h"
#include "lexer.h"
#include "memory.h"
#include "pathname.h"

#include <fnmatch.h>

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

// Every expanded byte remembers where it came from, because splitting and
// pathname expansion treat them differently:
enum origin {
    ORIGIN_LITERAL = 'l', // written unquoted: may be a pattern, never split
    ORIGIN_QUOTED = 'q', // quoted: taken as is
    ORIGIN_EXPANDED = 'e', // an unquoted expansion's result: split on IFS, may be a pattern
    MARK_QUOTES = 'Q', // no byte: quotes were here, so the word makes a field even if empty
    MARK_BREAK = 'B', // no byte: "$@" separates fields here
};

struct expansion {
    struct text bytes;
    struct text origins; // one enum origin per entry of `bytes`
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

static const char *expand_braced(struct expansion *out, const char *open, bool quoted);
static const char *expand_arithmetic(struct expansion *out, const char *open, const char *end, bool quoted);

// At `p` is a '$'. Expands what follows and returns the position after it.
static const char *expand_dollar(struct expansion *out, const char *p, bool quoted)
{
    ++p;
    if (p[0] == '(' && p[1] == '(') {
        const char *end = substitution_end(p);
        if (end && end - p >= 4 && end[-2] == ')') // $((...)), not $( (subshell) ...)
            return expand_arithmetic(out, p, end, quoted);
    }
    if (*p == '(')
        return expand_substitution(out, p, quoted);
    if (*p == '{')
        return expand_braced(out, p, quoted);
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

// At `p` is the byte after an opening '"'. Returns the position after the
// closing one. A here-document's text is expanded the same way, except that
// '"' is an ordinary character there and the text runs to its end.
static const char *expand_double_quoted(struct expansion *out, const char *p, bool heredoc)
{
    bool only_empty_at = strncmp(p, "$@\"", 3) == 0 && out->environment->positional_count == 0;
    while (*p && (heredoc || *p != '"')) {
        if (*p == '\\' && p[1] == '\n') {
            p += 2;
        } else if (*p == '\\' && (p[1] == '$' || (p[1] == '"' && !heredoc) || p[1] == '\\' || p[1] == '`')) {
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
            p = expand_double_quoted(out, p + 1, false);
        } else if (*p == '$') {
            p = expand_dollar(out, p, false);
        } else if (*p == '`') {
            p = expand_substitution(out, p, false);
        } else {
            emit(out, p++, 1, ORIGIN_LITERAL);
        }
    }
}

static void expansion_init(
    struct expansion *out, const struct expand_environment *environment, char *message, size_t message_size)
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

// The length of the parameter name at `p`: a variable name, digits or one
// special character; 0 when there is none.
static size_t parameter_name_length(const char *p)
{
    if (variable_name_valid(p, 1)) {
        size_t length = 1;
        while (is_name_char(p[length]))
            ++length;
        return length;
    }
    if (*p >= '0' && *p <= '9')
        return strspn(p, "0123456789");
    return is_special_parameter(*p) ? 1 : 0;
}

static bool parameter_is_set(const struct expand_environment *environment, const char *name, size_t length)
{
    if (name[0] >= '1' && name[0] <= '9') {
        size_t index = 0;
        for (size_t i = 0; i < length && index <= environment->positional_count; ++i)
            index = index * 10 + (size_t)(name[i] - '0');
        return index <= environment->positional_count;
    }
    if (name[0] == '!' && length == 1)
        return environment->last_background_pid != 0;
    if (length == 1 && is_special_parameter(name[0]))
        return true;
    char *key = sh_strndup(name, length);
    bool set = variables_get(environment->variables, key) != NULL;
    free(key);
    return set;
}

// Appends another expansion's entries; inside double quotes everything
// it produced counts as quoted, outside it is split.
static void append_expansion(struct expansion *out, const struct expansion *part, bool quoted)
{
    for (size_t i = 0; i < part->bytes.length; ++i) {
        char origin = part->origins.data[i];
        if (quoted && (origin == ORIGIN_LITERAL || origin == ORIGIN_EXPANDED))
            origin = ORIGIN_QUOTED;
        else if (origin == ORIGIN_LITERAL)
            origin = ORIGIN_EXPANDED; // unquoted, the word is split like any expansion

        text_push(&out->bytes, part->bytes.data[i]);
        text_push(&out->origins, origin);
    }
}

// Expands `length` bytes of `word` (the word of ${name-word} and friends) on its own.
static void expand_part(struct expansion *part, struct expansion *out, const char *word, size_t length)
{
    expansion_init(part, out->environment, out->message, out->message_size);
    char *copy = sh_strndup(word, length);
    expand_into(part, copy);
    free(copy);
    if (part->failed)
        out->failed = true;
}

// An expansion's bytes as one string: markers dropped, "$@" breaks as spaces;
// with `as_pattern`, quoted pattern characters are escaped for fnmatch.
static char *flatten(const struct expansion *part, bool as_pattern)
{
    struct text result = { 0 };
    for (size_t i = 0; i < part->bytes.length; ++i) {
        char c = part->bytes.data[i], origin = part->origins.data[i];
        if (origin == MARK_QUOTES)
            continue;
        if (origin == MARK_BREAK)
            c = ' ';
        else if (as_pattern && (origin == ORIGIN_QUOTED ? strchr("*?[]\\", c) != NULL : c == '\\'))
            text_push(&result, '\\');
        text_push(&result, c);
    }
    return text_take(&result);
}

// The value of a parameter as one string (new); "" when unset.
static char *parameter_value(struct expansion *out, const char *name, size_t length)
{
    struct expansion value;
    expansion_init(&value, out->environment, out->message, out->message_size);
    emit_parameter(&value, name, length, true);
    char *result = flatten(&value, false);
    expansion_free(&value);
    return result;
}

// ${name#pattern} (shortest prefix), ## (longest), % (shortest suffix), %% (longest).
static size_t trim(const char *value, const char *pattern, char kind, bool longest, size_t *start)
{
    size_t length = strlen(value);
    char *piece = sh_malloc(length + 1);
    *start = 0;
    size_t end = length;
    for (size_t step = 0; step <= length; ++step) {
        size_t cut = longest ? length - step : step; // how much the pattern would take
        bool matched;
        if (kind == '#') {
            memcpy(piece, value, cut);
            piece[cut] = '\0';
            matched = fnmatch(pattern, piece, 0) == 0;
            if (matched)
                *start = cut;
        } else {
            matched = fnmatch(pattern, value + length - cut, 0) == 0;
            if (matched)
                end = length - cut;
        }
        if (matched)
            break;
    }
    free(piece);
    return end;
}

// ${...}: at `open` is the '{'. Returns the position after the '}'.
static const char *expand_braced(struct expansion *out, const char *open, bool quoted)
{
    const char *close = parameter_end(open);
    if (!close) {
        fail_with(out, "bad substitution");
        return open + strlen(open);
    }
    const char *body = open + 1, *last = close - 1; // *last is the '}'
    enum origin origin = quoted ? ORIGIN_QUOTED : ORIGIN_EXPANDED;
    if (body[0] == '#' && body + 1 < last && parameter_name_length(body + 1) == (size_t)(last - body - 1)) {
        char *value = parameter_value(out, body + 1, (size_t)(last - body - 1));
        emit_number(out, (long)strlen(value), origin); // ${#name}
        free(value);
        return close;
    }
    size_t name_length = parameter_name_length(body);
    const char *op = body + name_length;
    if (name_length && op == last) {
        emit_parameter(out, body, name_length, quoted);
        return close;
    }
    bool colon = *op == ':';
    char kind = op[colon ? 1 : 0];
    if (!name_length || !kind || !strchr("-+?#%", kind) || (colon && (kind == '#' || kind == '%'))) {
        fail_with(out, "bad substitution");
        return close;
    }
    bool longest = !colon && (kind == '#' || kind == '%') && op[1] == kind;
    const char *word = op + (colon ? 2 : 1) + (longest ? 1 : 0);
    size_t word_length = (size_t)(last - word);
    bool set = parameter_is_set(out->environment, body, name_length);
    char *value = parameter_value(out, body, name_length);
    bool missing = !set || (colon && !*value);
    struct expansion part;
    if (kind == '-' || kind == '+') {
        if ((kind == '-') == missing) {
            expand_part(&part, out, word, word_length);
            append_expansion(out, &part, quoted);
            expansion_free(&part);
        } else if (kind == '-') {
            emit(out, value, strlen(value), origin);
        }
    } else if (kind == '?') {
        if (missing) {
            expand_part(&part, out, word, word_length);
            char *text = flatten(&part, false);
            char message[200];
            snprintf(message, sizeof message, "%.*s: %s", (int)name_length, body, *text ? text : "parameter not set");
            fail_with(out, message);
            free(text);
            expansion_free(&part);
        } else {
            emit(out, value, strlen(value), origin);
        }
    } else {
        expand_part(&part, out, word, word_length);
        char *pattern = flatten(&part, true);
        size_t start;
        size_t end = trim(value, pattern, kind, longest, &start);
        emit(out, value + start, end - start, origin);
        free(pattern);
        expansion_free(&part);
    }
    free(value);
    return close;
}

// $((expression)): `open` is at the first '(', `end` just after the last ')'.
static const char *expand_arithmetic(struct expansion *out, const char *open, const char *end, bool quoted)
{
    struct expansion part;
    expand_part(&part, out, open + 2, (size_t)(end - open - 4));
    char *expression = flatten(&part, false);
    expansion_free(&part);
    long value;
    char message[128];
    if (!out->failed) {
        if (evaluate_arithmetic(expression, out->environment->variables, &value, message, sizeof message) < 0)
            fail_with(out, message);
        else
            emit_number(out, value, quoted ? ORIGIN_QUOTED : ORIGIN_EXPANDED);
    }
    free(expression);
    return end;
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

char *expand_heredoc(const struct expand_environment *environment, const char *text, char *message, size_t message_size)
{
    struct expansion out;
    expansion_init(&out, environment, message, message_size);
    expand_double_quoted(&out, text, true);
    char *result = out.failed ? NULL : flatten(&out, false);
    expansion_free(&out);
    return result;
}

char *expand_pattern(const struct expand_environment *environment, const char *word, char *message, size_t message_size)
{
    struct expansion out;
    expansion_init(&out, environment, message, message_size);
    expand_into(&out, word);
    char *pattern = out.failed ? NULL : flatten(&out, true);
    expansion_free(&out);
    return pattern;
}

// A field being split off: its bytes as a pattern (quoted magic characters
// escaped with a backslash) and whether anything in it may match files.
struct field {
    struct text pattern;
    bool has_magic;
    bool exists; // has bytes or was quoted: it becomes a field even if empty
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
