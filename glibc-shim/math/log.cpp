// log, log2, log10 and log1p.
#include "math_internal.h"

#include <math.h>

using namespace shim;
using namespace shim::math;

namespace {

// The special cases every logarithm shares; returns true with the answer
// in `result` when x is one of them.
bool log_special(double x, double& result)
{
    if (is_nan(x)) {
        result = x;
        return true;
    }
    if (x == 0) {
        result = set_errno_and_return(ERANGE, -__builtin_inf()); // a pole
        return true;
    }
    if (x < 0) {
        result = set_errno_and_return(EDOM, __builtin_nan(""));
        return true;
    }
    if (is_inf(x)) {
        result = x;
        return true;
    }
    return false;
}

} // namespace

extern "C" {

double log(double x)
{
    double special;
    if (log_special(x, special))
        return special;
    return static_cast<double>(log_core(x));
}

double log2(double x)
{
    double special;
    if (log_special(x, special))
        return special;
    int exponent;
    double mantissa = frexp(x, &exponent); // in [0.5, 1): exact powers of two stay exact
    if (mantissa == 0.5)
        return exponent - 1;
    return static_cast<double>(log_core(x) / k_ln2);
}

double log10(double x)
{
    double special;
    if (log_special(x, special))
        return special;
    return static_cast<double>(log_core(x) / k_ln10);
}

double log1p(double x)
{
    if (is_nan(x))
        return x;
    if (x == -1)
        return set_errno_and_return(ERANGE, -__builtin_inf());
    if (x < -1)
        return set_errno_and_return(EDOM, __builtin_nan(""));
    if (is_inf(x) || x == 0)
        return x;
    return static_cast<double>(log1p_core(x));
}

} // extern "C"
