// Shared pieces of the math library. The transcendental functions are
// computed in x87 long double (64-bit mantissa) and rounded once to double,
// which keeps double results within about one ulp with plain series.
#pragma once

#include "../stdio/float_bits.h"

#include <errno.h>
#include <stdint.h>

namespace shim::math {

// ln 2 and pi/2 as a 32-bit head (so k * head is exact) plus the rest.
inline constexpr long double k_ln2_head = 0.69314718036912381649017333984375L;
inline constexpr long double k_ln2_tail = 1.9082149292705877000219933871296828370445E-10L;
inline constexpr long double k_ln2 = 0.693147180559945309417232121458176568L;
inline constexpr long double k_ln10 = 2.30258509299404568401799145468436421L;
inline constexpr long double k_pi_2_head = 1.570796326734125614166259765625L;
inline constexpr long double k_pi_2_middle = 6.077100506303965976595549136618501506745815277099609375E-11L;
inline constexpr long double k_pi_2_tail = 2.0222662487959506315411442613699269807606E-21L;
inline constexpr long double k_pi_2 = 1.57079632679489661923132169163975144L;
inline constexpr long double k_pi = 3.14159265358979323846264338327950288L;

inline double set_errno_and_return(int error, double result)
{
    errno = error;
    return result;
}

inline bool is_nan(double x) { return x != x; }
inline bool is_inf(double x) { return x == __builtin_inf() || x == -__builtin_inf(); }
// x with its fraction bits cleared (trunc), without a library call.
double truncate(double x);
inline bool is_integer(double x) { return !is_inf(x) && !is_nan(x) && truncate(x) == x; }
// Is x an odd integer? (Only integers below 2^53 can be odd.)
bool is_odd_integer(double x);

// The nearest integer, ties to even (x87 frndint in the default mode).
inline long double round_to_integer(long double x)
{
    asm("frndint" : "+t"(x));
    return x;
}

// 2^k as a long double, for -16382 <= k <= 16383.
long double power_of_two(int k);

// x - quadrant * pi/2 for a finite double x, |r| <= pi/4 (a little over).
struct ReducedAngle {
    long double r;
    int quadrant; // modulo 4
};
// Payne-Hanek reduction with the bits of 2/pi: exact for every double.
ReducedAngle reduce_large_angle(double x);

// The cores, for finite arguments in their domains.
long double exp_core(long double x); // x within [-11400, 11400]
long double expm1_core(long double x); // exp(x) - 1, accurate near 0
long double log_core(long double x); // x > 0
long double log1p_core(long double x); // log(1 + x), x > -1, accurate near 0
long double sqrt_core(long double x); // x >= 0
long double atan_core(long double x); // any finite x
// sin and cos of x (|x| < 2^62); the quadrant folding is done here.
long double sin_core(long double x);
long double cos_core(long double x);

} // namespace shim::math
