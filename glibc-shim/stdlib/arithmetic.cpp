// abs and div for each integer type.
#include <inttypes.h>
#include <stdlib.h>

namespace {

template <typename Result, typename Integer> Result divide(Integer numerator, Integer denominator)
{
    Result result;
    result.quot = numerator / denominator;
    result.rem = numerator % denominator;
    return result;
}

} // namespace

extern "C" {

int abs(int n) { return n < 0 ? -n : n; }
long labs(long n) { return n < 0 ? -n : n; }
long long llabs(long long n) { return n < 0 ? -n : n; }
intmax_t imaxabs(intmax_t n) { return n < 0 ? -n : n; }
div_t div(int numerator, int denominator) { return divide<div_t>(numerator, denominator); }
ldiv_t ldiv(long numerator, long denominator) { return divide<ldiv_t>(numerator, denominator); }
lldiv_t lldiv(long long numerator, long long denominator) { return divide<lldiv_t>(numerator, denominator); }
imaxdiv_t imaxdiv(intmax_t numerator, intmax_t denominator) { return divide<imaxdiv_t>(numerator, denominator); }

} // extern "C"
