// A precedence-climbing parser that evaluates as it goes.
#include "arithmetic.h"

#include "memory.h"

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct evaluator {
    const char *p;
    const struct variables *variables;
    char *message;
    size_t message_size;
    bool failed;
};

static void fail(struct evaluator *e, const char *what)
{
    if (!e->failed)
        snprintf(e->message, e->message_size, "arithmetic: %s", what);
    e->failed = true;
}

static void skip_blanks(struct evaluator *e)
{
    while (*e->p == ' ' || *e->p == '\t' || *e->p == '\n')
        ++e->p;
}

// A number in C's notation; false if `text` is not one entirely.
static bool parse_number(const char *text, long *value)
{
    while (*text == ' ' || *text == '\t')
        ++text;
    if (!*text) {
        *value = 0;
        return true;
    }
    char *end;
    errno = 0;
    *value = strtol(text, &end, 0);
    while (*end == ' ' || *end == '\t')
        ++end;
    return !*end && errno == 0 && end != text;
}

static long parse_binary(struct evaluator *e, int min_precedence);

static long parse_operand(struct evaluator *e)
{
    skip_blanks(e);
    char c = *e->p;
    if (c == '(') {
        ++e->p;
        long value = parse_binary(e, 0);
        skip_blanks(e);
        if (*e->p != ')')
            fail(e, "missing )");
        else
            ++e->p;
        return value;
    }
    if (c == '-' || c == '+' || c == '!' || c == '~') {
        ++e->p;
        long value = parse_operand(e);
        return c == '-' ? (long)(0UL - (unsigned long)value) : c == '+' ? value : c == '!' ? !value : ~value;
    }
    if (isdigit((unsigned char)c)) {
        const char *start = e->p;
        while (isalnum((unsigned char)*e->p))
            ++e->p;
        char *digits = sh_strndup(start, (size_t)(e->p - start));
        long value = 0;
        if (!parse_number(digits, &value))
            fail(e, "bad number");
        free(digits);
        return value;
    }
    if (isalpha((unsigned char)c) || c == '_') {
        const char *start = e->p;
        while (isalnum((unsigned char)*e->p) || *e->p == '_')
            ++e->p;
        char *name = sh_strndup(start, (size_t)(e->p - start));
        const char *text = variables_get(e->variables, name);
        long value = 0;
        if (text && !parse_number(text, &value))
            fail(e, "a variable is not a number");
        free(name);
        return value;
    }
    fail(e, c ? "unexpected character" : "operand expected");
    return 0;
}

enum { kNoOperator = -1 };

// The binary operator at the evaluator's position: its precedence (higher
// binds tighter) and length; kNoOperator if none.
static int binary_operator(const char *p, int *length, char *op)
{
    static const struct {
        const char *spelling;
        int precedence;
    } operators[] = {
        { "||", 1 },
        { "&&", 2 },
        { "==", 6 },
        { "!=", 6 },
        { "<=", 7 },
        { ">=", 7 },
        { "<<", 8 },
        { ">>", 8 },
        { "|", 3 },
        { "^", 4 },
        { "&", 5 },
        { "<", 7 },
        { ">", 7 },
        { "+", 9 },
        { "-", 9 },
        { "*", 10 },
        { "/", 10 },
        { "%", 10 },
    };
    for (size_t i = 0; i < sizeof operators / sizeof operators[0]; ++i) {
        size_t n = strlen(operators[i].spelling);
        if (strncmp(p, operators[i].spelling, n) == 0) {
            *length = (int)n;
            memcpy(op, operators[i].spelling, n);
            op[n] = '\0';
            return operators[i].precedence;
        }
    }
    return kNoOperator;
}

static long apply(struct evaluator *e, const char *op, long a, long b)
{
    unsigned long ua = (unsigned long)a, ub = (unsigned long)b; // wrap around, never undefined
    if ((op[0] == '/' || op[0] == '%') && b == 0) {
        fail(e, "division by zero");
        return 0;
    }
    if ((op[0] == '/' || op[0] == '%') && a == LONG_MIN && b == -1)
        return op[0] == '/' ? LONG_MIN : 0;
    if (strcmp(op, "||") == 0)
        return a || b;
    if (strcmp(op, "&&") == 0)
        return a && b;
    if (strcmp(op, "==") == 0)
        return a == b;
    if (strcmp(op, "!=") == 0)
        return a != b;
    if (strcmp(op, "<=") == 0)
        return a <= b;
    if (strcmp(op, ">=") == 0)
        return a >= b;
    if (strcmp(op, "<<") == 0)
        return (long)(ua << (ub & 63));
    if (strcmp(op, ">>") == 0)
        return a >> (ub & 63);
    switch (op[0]) {
    case '|': return a | b;
    case '^': return a ^ b;
    case '&': return a & b;
    case '<': return a < b;
    case '>': return a > b;
    case '+': return (long)(ua + ub);
    case '-': return (long)(ua - ub);
    case '*': return (long)(ua * ub);
    case '/': return a / b;
    default: return a % b;
    }
}

static long parse_binary(struct evaluator *e, int min_precedence)
{
    long left = parse_operand(e);
    for (;;) {
        skip_blanks(e);
        int length;
        char op[3];
        int precedence = binary_operator(e->p, &length, op);
        if (precedence == kNoOperator || precedence <= min_precedence || e->failed)
            return left;
        e->p += length;
        long right = parse_binary(e, precedence); // left-associative: only tighter operators to the right
        left = apply(e, op, left, right);
    }
}

int evaluate_arithmetic(
    const char *text, const struct variables *variables, long *value, char *message, size_t message_size)
{
    struct evaluator e = { text, variables, message, message_size, false };
    skip_blanks(&e);
    if (!*e.p) { // $(( )) is 0
        *value = 0;
        return 0;
    }
    *value = parse_binary(&e, 0);
    skip_blanks(&e);
    if (!e.failed && *e.p)
        fail(&e, "unexpected character");
    return e.failed ? -1 : 0;
}
