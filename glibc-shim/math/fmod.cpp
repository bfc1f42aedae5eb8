// fmod and remainder, exactly: the significands are reduced as integers.
#include "math_internal.h"

#include <math.h>

using namespace shim;
using namespace shim::math;

extern "C" {

double fmod(double x, double y)
{
    if (is_nan(x) || is_nan(y))
        return x + y;
    if (is_inf(x) || y == 0)
        return set_errno_and_return(EDOM, __builtin_nan(""));
    DoubleBits a = DoubleBits::of(x);
    DoubleBits b = DoubleBits::of(y);
    if (is_inf(y) || x == 0)
        return x;
    uint64_t divisor = b.significand();
    uint64_t rest = a.significand();
    int exponent = a.exponent();
    int divisor_exponent = b.exponent();
    // rest * 2^exponent mod divisor * 2^divisor_exponent, 11 bits at a time
    // (rest < divisor < 2^53, so rest << 11 fits in 64 bits).
    while (exponent > divisor_exponent) {
        int step = exponent - divisor_exponent < 11 ? exponent - divisor_exponent : 11;
        rest = (rest << step) % divisor;
        exponent -= step;
    }
    if (exponent == divisor_exponent)
        rest %= divisor;
    else
        return x; // |x| < |y|: x's exponent is smaller.
    double magnitude = ldexp(static_cast<double>(rest), exponent); // exact
    return a.negative ? -magnitude : magnitude;
}

double remainder(double x, double y)
{
    if (is_nan(x) || is_nan(y))
        return x + y;
    if (is_inf(x) || y == 0)
        return set_errno_and_return(EDOM, __builtin_nan(""));
    double divisor = fabs(y);
    bool negative = DoubleBits::of(x).negative;
    double twice = divisor * 2;
    double rest = is_inf(twice) ? fabs(x) : fabs(fmod(x, twice)); // in [0, 2|y|)
    bool odd_quotient = false;
    if (rest >= divisor) {
        rest -= divisor;
        odd_quotient = true;
    }
    // Nearest multiple, ties to the even quotient.
    if (rest > divisor - rest || (rest == divisor - rest && odd_quotient))
        rest -= divisor;
    if (rest == 0)
        return negative ? -0.0 : 0.0;
    return negative ? -rest : rest;
}

} // extern "C"
