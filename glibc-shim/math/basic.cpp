// Sign and comparison functions: fabs, copysign, nextafter, fmin, fmax,
// fdim, nan, fma.
#include "math_internal.h"

#include <math.h>

using namespace shim;
using namespace shim::math;

extern "C" {

double fabs(double x) { return double_from_bits(bits_of_double(x) & ~(uint64_t { 1 } << 63)); }

double copysign(double x, double y)
{
    uint64_t sign = bits_of_double(y) & (uint64_t { 1 } << 63);
    return double_from_bits((bits_of_double(x) & ~(uint64_t { 1 } << 63)) | sign);
}

double nextafter(double x, double y)
{
    if (is_nan(x) || is_nan(y))
        return x + y;
    if (x == y)
        return y;
    if (x == 0)
        return copysign(double_from_bits(1), y); // the smallest subnormal
    uint64_t bits = bits_of_double(x);
    // Away from zero when moving outward, toward it otherwise.
    if ((x < y) == (x > 0))
        ++bits;
    else
        --bits;
    double result = double_from_bits(bits);
    if (is_inf(result) || DoubleBits::of(result).biased_exponent == 0)
        errno = ERANGE;
    return result;
}

namespace {

// A signaling NaN has the top fraction bit clear.
bool is_signaling(double x) { return is_nan(x) && (bits_of_double(x) & (uint64_t { 1 } << 51)) == 0; }

} // namespace

// fmin and fmax ignore a quiet NaN argument; a signaling one gives NaN
// (IEEE 754's minNum and maxNum, as glibc does).
double fmin(double x, double y)
{
    if (is_signaling(x) || is_signaling(y))
        return x + y;
    if (is_nan(x))
        return y;
    if (is_nan(y))
        return x;
    if (x == y) // -0 is the smaller zero
        return DoubleBits::of(x).negative ? x : y;
    return x < y ? x : y;
}

double fmax(double x, double y)
{
    if (is_signaling(x) || is_signaling(y))
        return x + y;
    if (is_nan(x))
        return y;
    if (is_nan(y))
        return x;
    if (x == y)
        return DoubleBits::of(x).negative ? y : x;
    return x > y ? x : y;
}

double fdim(double x, double y)
{
    if (is_nan(x) || is_nan(y))
        return x + y;
    return x > y ? x - y : 0.0;
}

double nan(const char*) { return __builtin_nan(""); }
float nanf(const char*) { return __builtin_nanf(""); }

// FIXME: rounds twice through long double (64-bit products are exact for
// 32-bit significands only); correct fused rounding needs a wide product.
double fma(double x, double y, double z) { return static_cast<double>(static_cast<long double>(x) * y + z); }

} // extern "C"
