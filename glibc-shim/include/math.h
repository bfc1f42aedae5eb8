/* math.h: the C math library for double and (through double) float and
   long double; classification macros are gcc builtins. */
#ifndef _MATH_H
#define _MATH_H 1

#ifdef __cplusplus
extern "C" {
#endif

#define HUGE_VAL (__builtin_huge_val())
#define HUGE_VALF (__builtin_huge_valf())
#define HUGE_VALL (__builtin_huge_vall())
#define INFINITY (__builtin_inff())
#define NAN (__builtin_nanf(""))

#define FP_NAN 0
#define FP_INFINITE 1
#define FP_ZERO 2
#define FP_SUBNORMAL 3
#define FP_NORMAL 4
#define FP_ILOGB0 (-2147483647 - 1)
#define FP_ILOGBNAN (-2147483647 - 1)
#define MATH_ERRNO 1
#define MATH_ERREXCEPT 2
#define math_errhandling MATH_ERRNO

typedef float float_t;
typedef double double_t;

#define fpclassify(x) __builtin_fpclassify(FP_NAN, FP_INFINITE, FP_NORMAL, FP_SUBNORMAL, FP_ZERO, x)
#define isnan(x) __builtin_isnan(x)
#define isinf(x) __builtin_isinf_sign(x)
#define isfinite(x) __builtin_isfinite(x)
#define isnormal(x) __builtin_isnormal(x)
#define signbit(x) __builtin_signbit(x)
#define isgreater(x, y) __builtin_isgreater(x, y)
#define isgreaterequal(x, y) __builtin_isgreaterequal(x, y)
#define isless(x, y) __builtin_isless(x, y)
#define islessequal(x, y) __builtin_islessequal(x, y)
#define islessgreater(x, y) __builtin_islessgreater(x, y)
#define isunordered(x, y) __builtin_isunordered(x, y)

#define M_E 2.7182818284590452354
#define M_LOG2E 1.4426950408889634074
#define M_LOG10E 0.43429448190325182765
#define M_LN2 0.69314718055994530942
#define M_LN10 2.30258509299404568402
#define M_PI 3.14159265358979323846
#define M_PI_2 1.57079632679489661923
#define M_PI_4 0.78539816339744830962
#define M_1_PI 0.31830988618379067154
#define M_2_PI 0.63661977236758134308
#define M_2_SQRTPI 1.12837916709551257390
#define M_SQRT2 1.41421356237309504880
#define M_SQRT1_2 0.70710678118654752440

/* Every function comes in double, float (f) and long double (l) forms. */
#define __SHIM_MATH_DECL(name)                                                                                         \
 double name(double);                                                                                                  \
 float name##f(float);                                                                                                 \
 long double name##l(long double);
#define __SHIM_MATH_DECL2(name)                                                                                        \
 double name(double, double);                                                                                          \
 float name##f(float, float);                                                                                          \
 long double name##l(long double, long double);

__SHIM_MATH_DECL(fabs)
__SHIM_MATH_DECL(floor)
__SHIM_MATH_DECL(ceil)
__SHIM_MATH_DECL(round)
__SHIM_MATH_DECL(trunc)
__SHIM_MATH_DECL(rint)
__SHIM_MATH_DECL(nearbyint)
__SHIM_MATH_DECL(sqrt)
__SHIM_MATH_DECL(cbrt)
__SHIM_MATH_DECL(exp)
__SHIM_MATH_DECL(exp2)
__SHIM_MATH_DECL(expm1)
__SHIM_MATH_DECL(log)
__SHIM_MATH_DECL(log2)
__SHIM_MATH_DECL(log10)
__SHIM_MATH_DECL(log1p)
__SHIM_MATH_DECL(logb)
__SHIM_MATH_DECL(sin)
__SHIM_MATH_DECL(cos)
__SHIM_MATH_DECL(tan)
__SHIM_MATH_DECL(asin)
__SHIM_MATH_DECL(acos)
__SHIM_MATH_DECL(atan)
__SHIM_MATH_DECL(sinh)
__SHIM_MATH_DECL(cosh)
__SHIM_MATH_DECL(tanh)
__SHIM_MATH_DECL(asinh)
__SHIM_MATH_DECL(acosh)
__SHIM_MATH_DECL(atanh)
__SHIM_MATH_DECL2(fmod)
__SHIM_MATH_DECL2(remainder)
__SHIM_MATH_DECL2(pow)
__SHIM_MATH_DECL2(atan2)
__SHIM_MATH_DECL2(hypot)
__SHIM_MATH_DECL2(copysign)
__SHIM_MATH_DECL2(nextafter)
__SHIM_MATH_DECL2(fmin)
__SHIM_MATH_DECL2(fmax)
__SHIM_MATH_DECL2(fdim)

double fma(double x, double y, double z);
double modf(double x, double *integer_part);
float modff(float x, float *integer_part);
long double modfl(long double x, long double *integer_part);
double frexp(double x, int *exponent);
float frexpf(float x, int *exponent);
long double frexpl(long double x, int *exponent);
double ldexp(double x, int exponent);
float ldexpf(float x, int exponent);
long double ldexpl(long double x, int exponent);
double scalbn(double x, int exponent);
float scalbnf(float x, int exponent);
long double scalbnl(long double x, int exponent);
double scalbln(double x, long exponent);
int ilogb(double x);
long lround(double x);
long lroundf(float x);
long long llround(double x);
long long llroundf(float x);
long lrint(double x);
long lrintf(float x);
long long llrint(double x);
long long llrintf(float x);
double nan(const char *tag);
float nanf(const char *tag);

#undef __SHIM_MATH_DECL
#undef __SHIM_MATH_DECL2

#ifdef __cplusplus
}
#endif

#endif
