// Rounding to integers: trunc, floor, ceil, round, rint, nearbyint, modf and
// the conversions to long (lround, lrint, ...). They work on the bits.
#include "math_internal.h"

#include <limits.h>
#include <math.h>

namespace shim::math {

double truncate(double x)
{
    DoubleBits bits = DoubleBits::of(x);
    int exponent = bits.biased_exponent - 1023;
    if (exponent >= 52)
        return x; // Already an integer, or inf/NaN.
    if (exponent < 0)
        return bits.negative ? -0.0 : 0.0;
    uint64_t fraction_mask = (uint64_t { 1 } << (52 - exponent)) - 1;
    return double_from_bits(bits_of_double(x) & ~fraction_mask);
}

bool is_odd_integer(double x)
{
    if (!is_integer(x) || x >= 9007199254740992.0 || x <= -9007199254740992.0)
        return false;
    return (static_cast<long long>(x) & 1) != 0;
}

namespace {

// Converts an integral double to long, saturating like the x86 conversion
// (the "integer indefinite" value) instead of undefined behaviour.
long long to_long_long(double integral)
{
    if (is_nan(integral) || integral >= 9223372036854775808.0 || integral < -9223372036854775808.0) {
        errno = EDOM;
        return LLONG_MIN;
    }
    return static_cast<long long>(integral);
}

} // namespace

} // namespace shim::math

using namespace shim;
using namespace shim::math;

extern "C" {

double trunc(double x) { return truncate(x); }

double floor(double x)
{
    double integral = truncate(x);
    return integral > x ? integral - 1 : integral;
}

double ceil(double x)
{
    double integral = truncate(x);
    if (integral < x)
        return integral + 1;
    return integral == 0 && x < 0 ? -0.0 : integral;
}

double round(double x)
{
    double integral = truncate(x);
    double fraction = x - integral; // exact
    if (fraction >= 0.5)
        return integral + 1;
    if (fraction <= -0.5)
        return integral - 1;
    return integral;
}

// Ties to even, as the default rounding mode: adding and removing 2^52
// leaves no fraction bits (the hardware rounds).
double rint(double x)
{
    DoubleBits bits = DoubleBits::of(x);
    if (bits.biased_exponent - 1023 >= 52)
        return x;
    const double shifter = 4503599627370496.0; // 2^52
    double magnitude = bits.negative ? -x : x;
    volatile double sum = magnitude + shifter; // volatile: keep the rounding step
    double rounded = sum - shifter;
    return bits.negative ? -rounded : rounded;
}

double nearbyint(double x) { return rint(x); }

double modf(double x, double* integer_part)
{
    double integral = truncate(x);
    *integer_part = integral;
    if (is_inf(x))
        return x < 0 ? -0.0 : 0.0;
    double fraction = x - integral;
    return fraction == 0 ? (x < 0 ? -0.0 : 0.0) : fraction;
}

long lround(double x) { return to_long_long(round(x)); }
long long llround(double x) { return to_long_long(round(x)); }
long lrint(double x) { return to_long_long(rint(x)); }
long long llrint(double x) { return to_long_long(rint(x)); }

} // extern "C"
