// Supported: ! EXPR, EXPR -a EXPR, EXPR -o EXPR (-a binds tighter), the
// unary -e -f -d -h -L -r -w -x -s -n -z, the binary = != -eq -ne -lt -le
// -gt -ge, and a lone string (true when not empty). No parentheses.
#include "test_builtin.h"

#include "report.h"

#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

struct test_parser {
    char **words;
    int count;
    int position;
    bool failed;
};

static const char *peek(const struct test_parser *parser, int ahead)
{
    int index = parser->position + ahead;
    return index < parser->count ? parser->words[index] : NULL;
}

static void fail(struct test_parser *parser, const char *what, const char *word)
{
    if (!parser->failed)
        report("test: %s%s%s", word ? word : "", word ? ": " : "", what);
    parser->failed = true;
}

static long number(struct test_parser *parser, const char *text)
{
    char *end;
    errno = 0;
    long value = strtol(text, &end, 10);
    if (!*text || *end || errno)
        fail(parser, "integer expected", text);
    return value;
}

static bool file_test(char option, const char *path)
{
    struct stat st;
    if (option == 'h' || option == 'L')
        return lstat(path, &st) == 0 && S_ISLNK(st.st_mode);
    if (option == 'r' || option == 'w' || option == 'x')
        return access(path, option == 'r' ? R_OK : option == 'w' ? W_OK : X_OK) == 0;
    if (stat(path, &st) < 0)
        return false;
    switch (option) {
    case 'f': return S_ISREG(st.st_mode);
    case 'd': return S_ISDIR(st.st_mode);
    case 's': return st.st_size > 0;
    default: return true; // -e
    }
}

static bool is_unary(const char *word)
{
    return word && word[0] == '-' && word[1] && !word[2] && strchr("efdhLrwxsnz", word[1]);
}

static int binary_operator(const char *word)
{
    static const char *const operators[] = { "=", "!=", "-eq", "-ne", "-lt", "-le", "-gt", "-ge" };
    for (int i = 0; word && i < 8; ++i)
        if (strcmp(word, operators[i]) == 0)
            return i;
    return -1;
}

static bool primary(struct test_parser *parser)
{
    const char *word = peek(parser, 0);
    if (!word) {
        fail(parser, "argument expected", NULL);
        return false;
    }
    int op = binary_operator(peek(parser, 1));
    if (op >= 0 && peek(parser, 2)) {
        const char *left = word, *right = peek(parser, 2);
        parser->position += 3;
        if (op == 0)
            return strcmp(left, right) == 0;
        if (op == 1)
            return strcmp(left, right) != 0;
        long a = number(parser, left), b = number(parser, right);
        switch (op) {
        case 2: return a == b;
        case 3: return a != b;
        case 4: return a < b;
        case 5: return a <= b;
        case 6: return a > b;
        default: return a >= b;
        }
    }
    if (is_unary(word) && peek(parser, 1)) {
        const char *operand = peek(parser, 1);
        parser->position += 2;
        if (word[1] == 'n')
            return operand[0] != '\0';
        if (word[1] == 'z')
            return operand[0] == '\0';
        return file_test(word[1], operand);
    }
    parser->position += 1;
    return word[0] != '\0';
}

static bool negation(struct test_parser *parser)
{
    const char *word = peek(parser, 0);
    if (word && strcmp(word, "!") == 0 && peek(parser, 1)) {
        parser->position += 1;
        return !negation(parser);
    }
    return primary(parser);
}

static bool conjunction(struct test_parser *parser)
{
    bool value = negation(parser);
    while (peek(parser, 0) && strcmp(peek(parser, 0), "-a") == 0) {
        parser->position += 1;
        value = negation(parser) && value;
    }
    return value;
}

static bool disjunction(struct test_parser *parser)
{
    bool value = conjunction(parser);
    while (peek(parser, 0) && strcmp(peek(parser, 0), "-o") == 0) {
        parser->position += 1;
        value = conjunction(parser) || value;
    }
    return value;
}

int evaluate_test(int argc, char **argv)
{
    int count = argc - 1;
    if (strcmp(argv[0], "[") == 0) {
        if (count == 0 || strcmp(argv[argc - 1], "]") != 0) {
            report("[: missing ]");
            return 2;
        }
        --count;
    }
    if (count == 0)
        return 1;
    struct test_parser parser = { argv + 1, count, 0, false };
    bool value = disjunction(&parser);
    if (!parser.failed && parser.position != count)
        fail(&parser, "unexpected argument", parser.words[parser.position]);
    return parser.failed ? 2 : value ? 0 : 1;
}
