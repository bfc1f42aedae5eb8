// Arithmetic expansion's evaluator: $((expression)) with long integers.
#ifndef SH_ARITHMETIC_H
#define SH_ARITHMETIC_H

#include "variables.h"

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

// Evaluates `text` (parameters already expanded): decimal, 0x hex and
// leading-0 octal numbers, variable names (their value as a number; unset or
// empty is 0), ( ), unary + - ! ~, * / %, + -, << >>, < <= > >=, == !=,
// &, ^, |, &&, ||, in C's precedence. Returns 0 and the value, or -1 with
// `message` set (a syntax error, division by zero, a variable that is not
// a number).
int evaluate_arithmetic(
    const char *text, const struct variables *variables, long *value, char *message, size_t message_size);

#ifdef __cplusplus
}
#endif

#endif
