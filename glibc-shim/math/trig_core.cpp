// sin, cos and atan in long double.
#include "math_internal.h"

namespace shim::math {

namespace {

// sin(r) and cos(r) for |r| <= pi/4 by their Taylor series (to 1e-21).
long double sin_series(long double r)
{
    long double square = r * r;
    long double sum = 0;
    for (int n = 12; n >= 1; --n)
        sum = -square / ((2 * n) * (2 * n + 1)) * (1 + sum);
    return r + r * sum;
}

long double cos_series(long double r)
{
    long double square = r * r;
    long double sum = 0;
    for (int n = 12; n >= 1; --n)
        sum = -square / ((2 * n - 1) * (2 * n)) * (1 + sum);
    return 1 + sum;
}

// Cody-Waite reduction by pi/2 in three pieces: exact products for
// quadrant < 2^32. Beyond 2^30 the bits of 2/pi take over.
ReducedAngle reduce(long double x)
{
    if (x > 1073741824.0L || x < -1073741824.0L)
        return reduce_large_angle(static_cast<double>(x));
    long double k = round_to_integer(x / k_pi_2);
    long double r = ((x - k * k_pi_2_head) - k * k_pi_2_middle) - k * k_pi_2_tail;
    return { r, static_cast<int>(static_cast<long long>(k) & 3) };
}

} // namespace

long double sin_core(long double x)
{
    ReducedAngle reduced = reduce(x);
    switch (reduced.quadrant) {
    case 0: return sin_series(reduced.r);
    case 1: return cos_series(reduced.r);
    case 2: return -sin_series(reduced.r);
    default: return -cos_series(reduced.r);
    }
}

long double cos_core(long double x)
{
    ReducedAngle reduced = reduce(x);
    switch (reduced.quadrant) {
    case 0: return cos_series(reduced.r);
    case 1: return -sin_series(reduced.r);
    case 2: return -cos_series(reduced.r);
    default: return sin_series(reduced.r);
    }
}

// atan: fold to [0, 1] with atan(x) = pi/2 - atan(1/x), halve the argument
// twice with atan(x) = 2 atan(x / (1 + sqrt(1 + x^2))) to reach |x| < 0.2,
// then the Taylor series.
long double atan_core(long double x)
{
    bool negative = x < 0;
    if (negative)
        x = -x;
    bool inverted = x > 1;
    if (inverted)
        x = 1 / x;
    for (int i = 0; i < 2; ++i)
        x = x / (1 + sqrt_core(1 + x * x));
    long double square = x * x;
    long double series = 0;
    for (int n = 16; n >= 1; --n)
        series = square * ((n % 2 == 1 ? -1.0L : 1.0L) / (2 * n + 1) + series);
    long double result = 4 * (x + x * series);
    if (inverted)
        result = k_pi_2 - result;
    return negative ? -result : result;
}

} // namespace shim::math
