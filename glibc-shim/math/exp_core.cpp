// exp and exp - 1 in long double: exp(x) = 2^k * exp(r) with
// x = k ln2 + r, |r| <= ln2 / 2, and a Taylor series for exp(r).
#include "math_internal.h"

namespace shim::math {

namespace {

// exp(r) - 1 for |r| <= 0.5: the Taylor series to 1e-21.
long double exp_minus_one_series(long double r)
{
    long double sum = 0;
    for (int n = 20; n >= 1; --n)
        sum = r / n * (1 + sum);
    return sum;
}

} // namespace

long double exp_core(long double x)
{
    long double k = round_to_integer(x / k_ln2);
    long double r = (x - k * k_ln2_head) - k * k_ln2_tail;
    int exponent = static_cast<int>(k);
    long double value = 1 + exp_minus_one_series(r);
    // Scale in two steps so that results near the ends of the range (and
    // subnormal ones) are not lost to an out-of-range power.
    int first = exponent / 2;
    return value * power_of_two(first) * power_of_two(exponent - first);
}

long double expm1_core(long double x)
{
    if (x > -0.5L && x < 0.5L)
        return exp_minus_one_series(x);
    return exp_core(x) - 1;
}

} // namespace shim::math
