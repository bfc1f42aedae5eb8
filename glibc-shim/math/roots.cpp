// sqrt (the SSE2 instruction), cbrt and hypot.
#include "math_internal.h"

#include <math.h>

using namespace shim;
using namespace shim::math;

extern "C" {

double sqrt(double x)
{
    if (x < 0)
        return set_errno_and_return(EDOM, __builtin_nan(""));
    double root;
    asm("sqrtsd %1, %0" : "=x"(root) : "x"(x));
    return root;
}

// A cube root from exp(log(x)/3), polished by one Newton step in long
// double so that exact cubes give exact roots.
double cbrt(double x)
{
    if (x == 0 || is_nan(x) || is_inf(x))
        return x;
    long double magnitude = x < 0 ? -static_cast<long double>(x) : x;
    long double root = exp_core(log_core(magnitude) / 3);
    root -= (root * root * root - magnitude) / (3 * root * root);
    double result = static_cast<double>(root);
    return x < 0 ? -result : result;
}

double hypot(double x, double y)
{
    if (is_inf(x) || is_inf(y))
        return __builtin_inf(); // even when the other is NaN
    if (is_nan(x) || is_nan(y))
        return x + y;
    long double wide_x = x;
    long double wide_y = y;
    double result = static_cast<double>(sqrt_core(wide_x * wide_x + wide_y * wide_y));
    if (is_inf(result))
        errno = ERANGE;
    return result;
}

} // extern "C"
