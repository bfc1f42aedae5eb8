// sin, cos, tan, asin, acos, atan, atan2.
#include "math_internal.h"

#include <math.h>

using namespace shim;
using namespace shim::math;

namespace {

// sin, cos and tan of inf are domain errors; of NaN, NaN.
bool trig_special(double x, double& result)
{
    if (is_nan(x)) {
        result = x;
        return true;
    }
    if (is_inf(x)) {
        result = set_errno_and_return(EDOM, __builtin_nan(""));
        return true;
    }
    return false;
}

// The angle of (x, y) for finite nonzero-or-mixed arguments, in long double.
long double angle(long double y, long double x)
{
    long double base = atan_core(y / x);
    if (x > 0)
        return base;
    return y < 0 ? base - k_pi : base + k_pi;
}

} // namespace

extern "C" {

double sin(double x)
{
    double special;
    if (trig_special(x, special))
        return special;
    if (x == 0)
        return x;
    return static_cast<double>(sin_core(x));
}

double cos(double x)
{
    double special;
    if (trig_special(x, special))
        return special;
    return static_cast<double>(cos_core(x));
}

double tan(double x)
{
    double special;
    if (trig_special(x, special))
        return special;
    if (x == 0)
        return x;
    return static_cast<double>(sin_core(x) / cos_core(x));
}

double atan(double x)
{
    if (is_nan(x) || x == 0)
        return x;
    if (is_inf(x))
        return x > 0 ? static_cast<double>(k_pi_2) : -static_cast<double>(k_pi_2);
    return static_cast<double>(atan_core(x));
}

double atan2(double y, double x)
{
    if (is_nan(x) || is_nan(y))
        return x + y;
    bool y_negative = signbit(y);
    double result;
    if (y == 0) {
        bool x_negative = signbit(x);
        result = x_negative ? static_cast<double>(k_pi) : 0.0;
    } else if (x == 0) {
        result = static_cast<double>(k_pi_2);
    } else if (is_inf(x) && is_inf(y)) {
        result = static_cast<double>(x > 0 ? k_pi_2 / 2 : 3 * k_pi_2 / 2);
    } else if (is_inf(x)) {
        result = x > 0 ? 0.0 : static_cast<double>(k_pi);
    } else if (is_inf(y)) {
        result = static_cast<double>(k_pi_2);
    } else {
        long double wide = angle(fabs(y), x);
        result = static_cast<double>(wide);
    }
    return y_negative ? -result : result;
}

double asin(double x)
{
    if (is_nan(x) || x == 0)
        return x;
    if (x > 1 || x < -1)
        return set_errno_and_return(EDOM, __builtin_nan(""));
    long double wide = x;
    long double cosine = sqrt_core((1 - wide) * (1 + wide));
    if (cosine == 0)
        return x > 0 ? static_cast<double>(k_pi_2) : -static_cast<double>(k_pi_2);
    return static_cast<double>(atan_core(wide / cosine));
}

double acos(double x)
{
    if (is_nan(x))
        return x;
    if (x > 1 || x < -1)
        return set_errno_and_return(EDOM, __builtin_nan(""));
    long double wide = x;
    long double sine = sqrt_core((1 - wide) * (1 + wide));
    if (x == 0)
        return static_cast<double>(k_pi_2);
    return static_cast<double>(angle(sine, wide));
}

} // extern "C"
