// rand, rand_r, random: a 32-bit state stepped by an LCG, with the output
// scrambled (xorshift-multiply) so the low bits are not periodic.
#include <stdlib.h>

namespace {

unsigned int g_state = 1;

int next(unsigned int* state)
{
    *state = *state * 1103515245U + 12345U;
    unsigned int mixed = *state;
    mixed ^= mixed >> 16;
    mixed *= 0x7feb352dU;
    mixed ^= mixed >> 15;
    return static_cast<int>(mixed & RAND_MAX);
}

} // namespace

extern "C" {

int rand_r(unsigned int* state) { return next(state); }
int rand(void) { return next(&g_state); }
void srand(unsigned int seed) { g_state = seed; }
long random(void) { return next(&g_state); }
void srandom(unsigned int seed) { g_state = seed; }

} // extern "C"
