// pow: the special cases of C's Annex F, then exp(y log|x|) in long double.
#include "math_internal.h"

#include <math.h>

using namespace shim;
using namespace shim::math;

namespace {

constexpr double k_infinity = __builtin_inf();

// pow(±0, y) for y != 0.
double pow_of_zero(double x, double y)
{
    bool odd = is_odd_integer(y);
    if (y < 0)
        return set_errno_and_return(ERANGE, odd ? copysign(k_infinity, x) : k_infinity);
    return odd ? x : 0.0;
}

// pow(x, ±inf) for x != ±1.
double pow_to_infinity(double x, double y)
{
    bool below_one = fabs(x) < 1;
    if (y > 0)
        return below_one ? 0.0 : k_infinity;
    return below_one ? k_infinity : 0.0;
}

// pow(±inf, y) for finite y != 0.
double pow_of_infinity(double x, double y)
{
    bool negative_odd = x < 0 && is_odd_integer(y);
    double magnitude = y < 0 ? 0.0 : k_infinity;
    return negative_odd ? -magnitude : magnitude;
}

} // namespace

extern "C" {

double pow(double x, double y)
{
    if (y == 0 || x == 1)
        return 1.0;
    if (is_nan(x) || is_nan(y))
        return x + y;
    if (is_inf(y))
        return x == -1 ? 1.0 : pow_to_infinity(x, y);
    if (x == 0)
        return pow_of_zero(x, y);
    if (is_inf(x))
        return pow_of_infinity(x, y);
    bool negate = false;
    if (x < 0) {
        if (!is_integer(y))
            return set_errno_and_return(EDOM, __builtin_nan(""));
        negate = is_odd_integer(y);
    }
    long double exponent = y * log_core(fabs(x));
    if (exponent > 11000)
        return set_errno_and_return(ERANGE, negate ? -k_infinity : k_infinity);
    if (exponent < -11000)
        return set_errno_and_return(ERANGE, negate ? -0.0 : 0.0);
    double result = static_cast<double>(exp_core(exponent));
    if (is_inf(result) || result == 0)
        errno = ERANGE;
    return negate ? -result : result;
}

} // extern "C"
