// The float (f) and long double (l) forms of every function, through the
// double one. Float results round twice (harmless at float precision).
// FIXME: the long double forms have double precision only.
#include <math.h>

#define SHIM_FORMS_1(name)                                                                                             \
    float name##f(float x) { return static_cast<float>(name(x)); }                                                     \
    long double name##l(long double x) { return name(static_cast<double>(x)); }
#define SHIM_FORMS_2(name)                                                                                             \
    float name##f(float x, float y) { return static_cast<float>(name(x, y)); }                                         \
    long double name##l(long double x, long double y) { return name(static_cast<double>(x), static_cast<double>(y)); }

extern "C" {

SHIM_FORMS_1(fabs)
SHIM_FORMS_1(floor)
SHIM_FORMS_1(ceil)
SHIM_FORMS_1(round)
SHIM_FORMS_1(trunc)
SHIM_FORMS_1(rint)
SHIM_FORMS_1(nearbyint)
SHIM_FORMS_1(sqrt)
SHIM_FORMS_1(cbrt)
SHIM_FORMS_1(exp)
SHIM_FORMS_1(exp2)
SHIM_FORMS_1(expm1)
SHIM_FORMS_1(log)
SHIM_FORMS_1(log2)
SHIM_FORMS_1(log10)
SHIM_FORMS_1(log1p)
SHIM_FORMS_1(logb)
SHIM_FORMS_1(sin)
SHIM_FORMS_1(cos)
SHIM_FORMS_1(tan)
SHIM_FORMS_1(asin)
SHIM_FORMS_1(acos)
SHIM_FORMS_1(atan)
SHIM_FORMS_1(sinh)
SHIM_FORMS_1(cosh)
SHIM_FORMS_1(tanh)
SHIM_FORMS_1(asinh)
SHIM_FORMS_1(acosh)
SHIM_FORMS_1(atanh)
SHIM_FORMS_2(fmod)
SHIM_FORMS_2(remainder)
SHIM_FORMS_2(pow)
SHIM_FORMS_2(atan2)
SHIM_FORMS_2(hypot)
SHIM_FORMS_2(copysign)
SHIM_FORMS_2(nextafter)
SHIM_FORMS_2(fmin)
SHIM_FORMS_2(fmax)
SHIM_FORMS_2(fdim)

float modff(float x, float* integer_part)
{
    double whole;
    double fraction = modf(x, &whole);
    *integer_part = static_cast<float>(whole);
    return static_cast<float>(fraction);
}

long double modfl(long double x, long double* integer_part)
{
    double whole;
    double fraction = modf(static_cast<double>(x), &whole);
    *integer_part = whole;
    return fraction;
}

float frexpf(float x, int* exponent) { return static_cast<float>(frexp(x, exponent)); }
long double frexpl(long double x, int* exponent) { return frexp(static_cast<double>(x), exponent); }
float ldexpf(float x, int exponent) { return static_cast<float>(ldexp(x, exponent)); }
long double ldexpl(long double x, int exponent) { return ldexp(static_cast<double>(x), exponent); }
float scalbnf(float x, int exponent) { return static_cast<float>(scalbn(x, exponent)); }
long double scalbnl(long double x, int exponent) { return scalbn(static_cast<double>(x), exponent); }
long lroundf(float x) { return lround(x); }
long long llroundf(float x) { return llround(x); }
long lrintf(float x) { return lrint(x); }
long long llrintf(float x) { return llrint(x); }

} // extern "C"
