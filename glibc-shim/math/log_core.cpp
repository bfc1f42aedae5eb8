// log in long double: x = 2^k * m with m in [sqrt(1/2), sqrt(2)), and
// log(m) = 2 atanh(f) = 2 (f + f^3/3 + f^5/5 + ...) with f = (m-1)/(m+1).
#include "math_internal.h"

namespace shim::math {

namespace {

// 2 atanh(f) for |f| <= 0.25, to 1e-21.
long double two_atanh_series(long double f)
{
    long double square = f * f;
    long double sum = 0;
    for (int n = 19; n >= 1; --n)
        sum = square * (1.0L / (2 * n + 1) + sum);
    return 2 * f + 2 * f * sum;
}

struct Split {
    long double mantissa; // in [sqrt(1/2), sqrt(2))
    int exponent;
};

Split split(long double x)
{
    struct Extended {
        uint64_t mantissa;
        uint16_t exponent;
        uint16_t padding[3];
    };
    auto pattern = __builtin_bit_cast(Extended, x);
    int exponent = 0;
    if ((pattern.exponent & 0x7fff) == 0) { // subnormal long double: normalise
        x *= power_of_two(100);
        pattern = __builtin_bit_cast(Extended, x);
        exponent = -100;
    }
    exponent += (pattern.exponent & 0x7fff) - 16383;
    pattern.exponent = 16383; // mantissa now in [1, 2)
    long double mantissa = __builtin_bit_cast(long double, pattern);
    if (mantissa > 1.41421356237309504880L) {
        mantissa /= 2;
        ++exponent;
    }
    return { mantissa, exponent };
}

} // namespace

long double log_core(long double x)
{
    Split parts = split(x);
    long double f = (parts.mantissa - 1) / (parts.mantissa + 1);
    long double k = parts.exponent;
    return k * k_ln2_head + (two_atanh_series(f) + k * k_ln2_tail);
}

long double log1p_core(long double x)
{
    if (x > -0.4L && x < 0.4L)
        return two_atanh_series(x / (2 + x)); // log(1+x) = 2 atanh(x / (2+x))
    return log_core(1 + x);
}

long double sqrt_core(long double x)
{
    asm("fsqrt" : "+t"(x));
    return x;
}

} // namespace shim::math
