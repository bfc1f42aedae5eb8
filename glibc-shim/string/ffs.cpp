// ffs: the position (from 1) of the lowest set bit, 0 when none is set.
#include <strings.h>

extern "C" {

int ffs(int value) { return __builtin_ffs(value); }
int ffsl(long value) { return __builtin_ffsl(value); }
int ffsll(long long value) { return __builtin_ffsll(value); }

} // extern "C"
