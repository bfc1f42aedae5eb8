// The libc's math functions (glibc-shim/math) against the host's libm:
// within a couple of ulp on many random arguments, exact where C or Lua
// need exactness, and the special cases and errno values of C's Annex F.
#include "support/shim_stdio.h"

#include <catch.hpp>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <random>
#include <string>
#include <vector>

namespace {

// The distance in units in the last place (NaN to NaN is 0).
double ulp_distance(double a, double b)
{
    if (std::isnan(a) && std::isnan(b))
        return 0;
    if (std::isnan(a) || std::isnan(b))
        return 1e30;
    if (a == b)
        return 0;
    auto ordered = [](double value) {
        int64_t bits;
        std::memcpy(&bits, &value, sizeof bits);
        return bits < 0 ? INT64_MIN - bits : bits;
    };
    return std::fabs(static_cast<double>(ordered(a) - ordered(b)));
}

double random_bits(std::mt19937_64& random)
{
    uint64_t bits = random();
    double value;
    std::memcpy(&value, &bits, sizeof value);
    return value;
}

double uniform(std::mt19937_64& random, double low, double high)
{
    return std::uniform_real_distribution<double>(low, high)(random);
}

struct Unary {
    const char* name;
    double (*shim)(double);
    double (*host)(double);
    double low;
    double high;
    double allowed_ulps;
};

struct Binary {
    const char* name;
    double (*shim)(double, double);
    double (*host)(double, double);
    double low_x, high_x, low_y, high_y;
    double allowed_ulps;
};

// The host's cbrt is off by up to 3 ulp; cbrtl rounded is the reference.
double reference_cbrt(double x) { return static_cast<double>(cbrtl(x)); }

} // namespace

TEST_CASE("Math functions stay within their ulp bounds of the host's", "[libc][math]")
{
    const Unary unary[] = {
        { "floor", shim_floor, ::floor, -1e6, 1e6, 0 },
        { "ceil", shim_ceil, ::ceil, -1e6, 1e6, 0 },
        { "round", shim_round, ::round, -1e6, 1e6, 0 },
        { "trunc", shim_trunc, ::trunc, -1e6, 1e6, 0 },
        { "rint", shim_rint, ::rint, -1e6, 1e6, 0 },
        { "fabs", shim_fabs, ::fabs, -1e6, 1e6, 0 },
        { "sqrt", shim_sqrt, ::sqrt, 0, 1e6, 0 },
        { "cbrt", shim_cbrt, reference_cbrt, -1e3, 1e3, 1 },
        { "exp", shim_exp, ::exp, -745, 710, 1 },
        { "exp2", shim_exp2, ::exp2, -1075, 1024, 1 },
        { "expm1", shim_expm1, ::expm1, -2, 2, 1 },
        { "log", shim_log, ::log, 0, 1e3, 1 },
        { "log2", shim_log2, ::log2, 0, 10, 1 },
        { "log10", shim_log10, ::log10, 0, 1e5, 1 },
        { "log1p", shim_log1p, ::log1p, -1, 2, 1 },
        { "sin", shim_sin, ::sin, -10, 10, 1 },
        { "cos", shim_cos, ::cos, -10, 10, 1 },
        { "tan", shim_tan, ::tan, -10, 10, 2 },
        { "asin", shim_asin, ::asin, -1, 1, 1 },
        { "acos", shim_acos, ::acos, -1, 1, 1 },
        { "atan", shim_atan, ::atan, -10, 10, 1 },
        { "sinh", shim_sinh, ::sinh, -20, 20, 2 },
        { "cosh", shim_cosh, ::cosh, -20, 20, 2 },
        { "tanh", shim_tanh, ::tanh, -5, 5, 2 },
        { "asinh", shim_asinh, ::asinh, -10, 10, 2 },
        { "acosh", shim_acosh, ::acosh, 1, 100, 2 },
        { "atanh", shim_atanh, ::atanh, -1, 1, 2 },
    };
    std::mt19937_64 random(77);
    for (const Unary& function : unary) {
        double worst = 0;
        double worst_argument = 0;
        for (int i = 0; i < 20000; ++i) {
            // A quarter of the arguments are any double at all (huge angles,
            // subnormals, infinities, NaNs).
            double x = i % 4 == 0 ? random_bits(random) : uniform(random, function.low, function.high);
            double distance = ulp_distance(function.shim(x), function.host(x));
            if (distance > worst) {
                worst = distance;
                worst_argument = x;
            }
        }
        INFO(function.name << " is " << worst << " ulp off at " << worst_argument);
        CHECK(worst <= function.allowed_ulps);
    }
    const Binary binary[] = {
        { "fmod", shim_fmod, ::fmod, -1e10, 1e10, -100, 100, 0 },
        { "remainder", shim_remainder, ::remainder, -1e10, 1e10, -100, 100, 0 },
        { "pow", shim_pow, ::pow, 0, 100, -50, 50, 1 },
        { "pow of negatives", shim_pow, ::pow, -10, 10, -20, 20, 1 },
        { "atan2", shim_atan2, ::atan2, -10, 10, -10, 10, 1 },
        { "hypot", shim_hypot, ::hypot, -1e5, 1e5, -1e5, 1e5, 1 },
        { "fmin", shim_fmin, ::fmin, -10, 10, -10, 10, 0 },
        { "fmax", shim_fmax, ::fmax, -10, 10, -10, 10, 0 },
        { "fdim", shim_fdim, ::fdim, -10, 10, -10, 10, 0 },
        { "copysign", shim_copysign, ::copysign, -10, 10, -10, 10, 0 },
        { "nextafter", shim_nextafter, ::nextafter, -10, 10, -10, 10, 0 },
    };
    for (const Binary& function : binary) {
        double worst = 0;
        double worst_x = 0;
        double worst_y = 0;
        for (int i = 0; i < 20000; ++i) {
            double x = i % 4 == 0 ? random_bits(random) : uniform(random, function.low_x, function.high_x);
            double y = i % 4 == 1 ? random_bits(random) : uniform(random, function.low_y, function.high_y);
            if (i % 8 == 2)
                y = std::trunc(y); // integral exponents for pow of negatives
            double distance = ulp_distance(function.shim(x, y), function.host(x, y));
            if (distance > worst) {
                worst = distance;
                worst_x = x;
                worst_y = y;
            }
        }
        INFO(function.name << " is " << worst << " ulp off at " << worst_x << ", " << worst_y);
        CHECK(worst <= function.allowed_ulps);
    }
}

TEST_CASE("Results Lua and C programs rely on are exact", "[libc][math]")
{
    CHECK(shim_pow(2, 10) == 1024);
    CHECK(shim_pow(10, 15) == 1e15);
    CHECK(shim_pow(-2, 3) == -8);
    CHECK(shim_pow(0.5, -2) == 4);
    CHECK(shim_log10(1000) == 3);
    CHECK(shim_log2(8) == 3);
    CHECK(shim_log2(0.125) == -3);
    CHECK(shim_log(1) == 0);
    CHECK(shim_exp(0) == 1);
    CHECK(shim_sqrt(2.25) == 1.5);
    CHECK(shim_cbrt(27) == 3);
    CHECK(shim_cbrt(-8) == -2);
    CHECK(shim_fmod(5.5, 2) == 1.5);
    CHECK(shim_fmod(-5.5, 2) == -1.5);
    CHECK(shim_sin(0) == 0);
    CHECK(shim_cos(0) == 1);
    CHECK(shim_atan2(1, 1) == M_PI / 4);
    CHECK(shim_floor(-0.5) == -1);
    CHECK(shim_ceil(-0.5) == 0);
    CHECK(std::signbit(shim_ceil(-0.5)));
    CHECK(shim_round(2.5) == 3);
    CHECK(shim_round(-2.5) == -3);
    CHECK(shim_rint(2.5) == 2);
    CHECK(shim_lround(-3.5) == -4);
    int exponent = 0;
    CHECK(shim_frexp(48, &exponent) == 0.75);
    CHECK(exponent == 6);
    CHECK(shim_frexp(4.9406564584124654e-324, &exponent) == 0.5);
    CHECK(exponent == -1073);
    CHECK(shim_ldexp(0.75, 6) == 48);
    CHECK(shim_ldexp(1, -1074) == 4.9406564584124654e-324);
    double whole = 0;
    CHECK(shim_modf(-3.25, &whole) == -0.25);
    CHECK(whole == -3);
    CHECK(shim_sqrtf(2.0f) == std::sqrt(2.0f));
    CHECK(shim_powf(3.0f, 4.0f) == 81.0f);
    // Lua prints numbers with "%.14g".
    char text[32];
    shim_snprintf(text, sizeof text, "%.14g", shim_sin(1.0));
    CHECK(std::string(text) == "0.8414709848079");
}

TEST_CASE("Special cases and errno follow C's Annex F", "[libc][math]")
{
    auto run = [](double (*function)(double), double x) {
        shim_errno() = 0;
        return function(x);
    };
    auto run2 = [](double (*function)(double, double), double x, double y) {
        shim_errno() = 0;
        return function(x, y);
    };
    const double inf = INFINITY;
    struct Check {
        const char* what;
        double result;
        int error;
        double expected;
        int expected_errno;
    };
    std::vector<Check> checks;
    auto note = [&](const char* what, double result, double expected, int expected_errno) {
        checks.push_back({ what, result, shim_errno(), expected, expected_errno });
    };
    note("sqrt(-1)", run(shim_sqrt, -1), NAN, EDOM);
    note("log(0)", run(shim_log, 0), -inf, ERANGE);
    note("log(-1)", run(shim_log, -1), NAN, EDOM);
    note("log10(0)", run(shim_log10, 0), -inf, ERANGE);
    note("log2(-0.5)", run(shim_log2, -0.5), NAN, EDOM);
    note("exp(1000)", run(shim_exp, 1000), inf, ERANGE);
    note("exp(-1000)", run(shim_exp, -1000), 0, ERANGE);
    note("exp(inf)", run(shim_exp, inf), inf, 0);
    note("exp(-inf)", run(shim_exp, -inf), 0, 0);
    note("asin(2)", run(shim_asin, 2), NAN, EDOM);
    note("acos(-1.5)", run(shim_acos, -1.5), NAN, EDOM);
    note("sin(inf)", run(shim_sin, inf), NAN, EDOM);
    note("cos(-inf)", run(shim_cos, -inf), NAN, EDOM);
    note("atanh(1)", run(shim_atanh, 1), inf, ERANGE);
    note("fmod(1, 0)", run2(shim_fmod, 1, 0), NAN, EDOM);
    note("fmod(inf, 1)", run2(shim_fmod, inf, 1), NAN, EDOM);
    note("fmod(3, inf)", run2(shim_fmod, 3, inf), 3, 0);
    note("pow(-8, 1/3)", run2(shim_pow, -8, 1.0 / 3), NAN, EDOM);
    note("pow(0, -1)", run2(shim_pow, 0, -1), inf, ERANGE);
    note("pow(-0, -1)", run2(shim_pow, -0.0, -1), -inf, ERANGE);
    note("pow(-0, 3)", run2(shim_pow, -0.0, 3), -0.0, 0);
    note("pow(nan, 0)", run2(shim_pow, NAN, 0), 1, 0);
    note("pow(1, nan)", run2(shim_pow, 1, NAN), 1, 0);
    note("pow(-1, inf)", run2(shim_pow, -1, inf), 1, 0);
    note("pow(0.5, inf)", run2(shim_pow, 0.5, inf), 0, 0);
    note("pow(0.5, -inf)", run2(shim_pow, 0.5, -inf), inf, 0);
    note("pow(-inf, 3)", run2(shim_pow, -inf, 3), -inf, 0);
    note("pow(-inf, -3)", run2(shim_pow, -inf, -3), -0.0, 0);
    note("pow(10, 400)", run2(shim_pow, 10, 400), inf, ERANGE);
    note("pow(-10, 401)", run2(shim_pow, -10, 401), -inf, ERANGE);
    note("pow(10, -400)", run2(shim_pow, 10, -400), 0, ERANGE);
    note("atan2(0, -0)", run2(shim_atan2, 0, -0.0), M_PI, 0);
    note("atan2(-0, -1)", run2(shim_atan2, -0.0, -1), -M_PI, 0);
    note("atan2(inf, -inf)", run2(shim_atan2, inf, -inf), 3 * M_PI / 4, 0);
    note("hypot(inf, nan)", run2(shim_hypot, inf, NAN), inf, 0);
    note("floor(-0)", run(shim_floor, -0.0), -0.0, 0);
    note("trunc(-0.5)", run(shim_trunc, -0.5), -0.0, 0);
    note("expm1(-0)", run(shim_expm1, -0.0), -0.0, 0);
    note("tanh(-inf)", run(shim_tanh, -inf), -1, 0);
    for (const Check& check : checks) {
        INFO(check.what << " = " << check.result << " errno " << check.error);
        if (std::isnan(check.expected)) {
            CHECK(std::isnan(check.result));
        } else {
            CHECK(check.result == check.expected);
            CHECK(std::signbit(check.result) == std::signbit(check.expected));
        }
        CHECK(check.error == check.expected_errno);
    }
}

TEST_CASE("Huge angles reduce exactly (Payne-Hanek)", "[libc][math]")
{
    // The double nearest a multiple of pi/2: its cosine, correctly rounded
    // (from a 700-digit computation), is -0x1.14ae72e6ba22fp-61; the host's
    // libm is 8 ulp off there in this binary, so it is no reference.
    CHECK(shim_cos(6381956970095103.0 * 0x1p797) == -0x1.14ae72e6ba22fp-61);
    CHECK(shim_sin(6381956970095103.0 * 0x1p797) == 1.0);
    double angles[] = { 1e22, 1e300, -1.7976931348623157e308, 1073741824.5, 3.0e9, 0x1.921fb54442d18p+200 };
    for (double angle : angles) {
        // volatile: the host's libm at run time, not gcc's folding.
        volatile double input = angle;
        INFO(angle);
        CHECK(ulp_distance(shim_sin(angle), std::sin(input)) <= 1);
        CHECK(ulp_distance(shim_cos(angle), std::cos(input)) <= 1);
    }
}
