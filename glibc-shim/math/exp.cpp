// exp, exp2 and expm1.
#include "math_internal.h"

#include <math.h>

using namespace shim;
using namespace shim::math;

namespace {

// Rounds a long double result to double and reports overflow/underflow.
double finish(long double wide)
{
    double result = static_cast<double>(wide);
    if (is_inf(result) || result == 0)
        errno = ERANGE;
    return result;
}

} // namespace

extern "C" {

double exp(double x)
{
    if (is_nan(x) || x == __builtin_inf())
        return x;
    if (x > 710)
        return set_errno_and_return(ERANGE, __builtin_inf());
    if (x < -746)
        return x == -__builtin_inf() ? 0.0 : set_errno_and_return(ERANGE, 0.0);
    return finish(exp_core(x));
}

double exp2(double x)
{
    if (is_nan(x) || x == __builtin_inf())
        return x;
    if (x > 1025)
        return set_errno_and_return(ERANGE, __builtin_inf());
    if (x < -1076)
        return x == -__builtin_inf() ? 0.0 : set_errno_and_return(ERANGE, 0.0);
    if (is_integer(x))
        return scalbn(1.0, static_cast<int>(x));
    return finish(exp_core(x * k_ln2));
}

double expm1(double x)
{
    if (is_nan(x) || x == __builtin_inf())
        return x;
    if (x > 710)
        return set_errno_and_return(ERANGE, __builtin_inf());
    if (x < -50)
        return -1.0;
    if (x == 0)
        return x; // keeps -0
    return finish(expm1_core(x));
}

} // extern "C"
