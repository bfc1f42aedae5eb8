// The test (and [) builtin: conditions for if and while.
#ifndef SH_TEST_BUILTIN_H
#define SH_TEST_BUILTIN_H

#ifdef __cplusplus
extern "C" {
#endif

// Evaluates `test` arguments (argv[0] is "test" or "["; "[" needs a last
// "]"). 0 true, 1 false, 2 for an error (after reporting it).
int evaluate_test(int argc, char **argv);

#ifdef __cplusplus
}
#endif

#endif
