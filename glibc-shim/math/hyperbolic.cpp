// sinh, cosh, tanh and their inverses.
#include "math_internal.h"

#include <math.h>

using namespace shim;
using namespace shim::math;

namespace {

double finish(long double wide)
{
    double result = static_cast<double>(wide);
    if (is_inf(result))
        errno = ERANGE;
    return result;
}

} // namespace

extern "C" {

double sinh(double x)
{
    if (is_nan(x) || is_inf(x) || x == 0)
        return x;
    if (fabs(x) > 711)
        return set_errno_and_return(ERANGE, copysign(__builtin_inf(), x));
    long double magnitude = fabs(x);
    long double grown = expm1_core(magnitude); // e^|x| - 1, accurate for small x
    long double value = (grown + grown / (grown + 1)) / 2;
    return finish(x < 0 ? -value : value);
}

double cosh(double x)
{
    if (is_nan(x))
        return x;
    if (is_inf(x))
        return __builtin_inf();
    if (fabs(x) > 711)
        return set_errno_and_return(ERANGE, __builtin_inf());
    long double grown = exp_core(fabs(x));
    return finish((grown + 1 / grown) / 2);
}

double tanh(double x)
{
    if (is_nan(x) || x == 0)
        return x;
    if (fabs(x) > 23)
        return x > 0 ? 1.0 : -1.0;
    long double grown = expm1_core(2 * static_cast<long double>(fabs(x)));
    long double value = grown / (grown + 2);
    return static_cast<double>(x < 0 ? -value : value);
}

double asinh(double x)
{
    if (is_nan(x) || is_inf(x) || x == 0)
        return x;
    long double magnitude = fabs(x);
    long double square = magnitude * magnitude;
    // log(m + sqrt(m^2+1)) = log1p(m + m^2 / (1 + sqrt(m^2+1)))
    long double value = log1p_core(magnitude + square / (1 + sqrt_core(square + 1)));
    return static_cast<double>(x < 0 ? -value : value);
}

double acosh(double x)
{
    if (is_nan(x))
        return x;
    if (x < 1)
        return set_errno_and_return(EDOM, __builtin_nan(""));
    if (is_inf(x))
        return x;
    long double wide = x;
    long double excess = wide - 1;
    // log(x + sqrt(x^2-1)) = log1p(e + sqrt(2e + e^2)) with e = x - 1
    return static_cast<double>(log1p_core(excess + sqrt_core(2 * excess + excess * excess)));
}

double atanh(double x)
{
    if (is_nan(x) || x == 0)
        return x;
    if (x > 1 || x < -1)
        return set_errno_and_return(EDOM, __builtin_nan(""));
    if (x == 1 || x == -1)
        return set_errno_and_return(ERANGE, copysign(__builtin_inf(), x));
    long double magnitude = fabs(x);
    long double value = log1p_core(2 * magnitude / (1 - magnitude)) / 2;
    return static_cast<double>(x < 0 ? -value : value);
}

} // extern "C"
