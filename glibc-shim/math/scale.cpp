// Powers of two: frexp, ldexp, scalbn, scalbln, ilogb, logb.
#include "math_internal.h"

#include <limits.h>
#include <math.h>

using namespace shim;
using namespace shim::math;

extern "C" {

double frexp(double x, int* exponent)
{
    DoubleBits bits = DoubleBits::of(x);
    if (x == 0 || bits.biased_exponent == 2047) {
        *exponent = 0;
        return x;
    }
    int adjust = 0;
    if (bits.biased_exponent == 0) { // subnormal: normalise first
        x *= 18014398509481984.0; // 2^54
        bits = DoubleBits::of(x);
        adjust = -54;
    }
    *exponent = bits.biased_exponent - 1022 + adjust;
    uint64_t pattern = (bits_of_double(x) & ~(uint64_t { 0x7ff } << 52)) | (uint64_t { 1022 } << 52);
    return double_from_bits(pattern);
}

double scalbn(double x, int exponent)
{
    if (x == 0 || is_inf(x) || is_nan(x))
        return x;
    // Multiply in steps by exact powers of two; only the last step rounds.
    const double up = 8.98846567431158e307; // 2^1023
    const double down = 2.004168360008973e-292; // 2^-969 = 2^-1022 * 2^53
    for (int i = 0; i < 2 && exponent > 1023; ++i) {
        x *= up;
        exponent -= 1023;
    }
    for (int i = 0; i < 2 && exponent < -1022; ++i) {
        x *= down;
        exponent += 969;
    }
    if (exponent > 1023)
        exponent = 1023;
    if (exponent < -1022)
        exponent = -1022;
    double result = x * double_from_bits(static_cast<uint64_t>(exponent + 1023) << 52);
    if (is_inf(result) || result == 0)
        errno = ERANGE;
    return result;
}

double ldexp(double x, int exponent) { return scalbn(x, exponent); }

double scalbln(double x, long exponent)
{
    int clamped = exponent > 100000 ? 100000 : exponent < -100000 ? -100000 : static_cast<int>(exponent);
    return scalbn(x, clamped);
}

int ilogb(double x)
{
    if (x == 0 || is_nan(x)) {
        errno = EDOM;
        return x == 0 ? FP_ILOGB0 : FP_ILOGBNAN;
    }
    if (is_inf(x)) {
        errno = EDOM;
        return INT_MAX;
    }
    int exponent;
    frexp(x, &exponent);
    return exponent - 1;
}

double logb(double x)
{
    if (is_nan(x))
        return x;
    if (is_inf(x))
        return __builtin_inf();
    if (x == 0)
        return set_errno_and_return(ERANGE, -__builtin_inf());
    return ilogb(x);
}

} // extern "C"
