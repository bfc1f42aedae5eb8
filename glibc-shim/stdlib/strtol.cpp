// strtol and its family: integers from text in bases 2 to 36 (0: from the
// prefix: 0x hexadecimal, 0 octal, else decimal).
#include <errno.h>
#include <internal/ascii.h>
#include <inttypes.h>
#include <limits.h>
#include <stdlib.h>

namespace {

using shim::ascii::digit_value;

struct Parsed {
    unsigned long long magnitude; // saturated at the limit when overflowing
    bool negative;
    bool overflow;
    const char* end; // past the last digit, or the start when none was read
};

// Parses an optionally signed number whose magnitude must not exceed limit.
Parsed parse(const char* text, int base, unsigned long long limit)
{
    Parsed result { 0, false, false, text };
    if (base < 0 || base == 1 || base > 36) {
        errno = EINVAL;
        return result;
    }
    const char* cursor = text;
    while (shim::ascii::is_space(static_cast<unsigned char>(*cursor)))
        ++cursor;
    if (*cursor == '+' || *cursor == '-')
        result.negative = *cursor++ == '-';
    // "0x" counts as a prefix only when a hexadecimal digit follows it;
    // otherwise the number is the "0".
    bool hex_prefix = cursor[0] == '0' && (cursor[1] == 'x' || cursor[1] == 'X')
        && digit_value(static_cast<unsigned char>(cursor[2])) < 16;
    if ((base == 0 || base == 16) && hex_prefix) {
        cursor += 2;
        base = 16;
    } else if (base == 0) {
        base = cursor[0] == '0' ? 8 : 10;
    }
    const char* digits_start = cursor;
    for (;; ++cursor) {
        int digit = digit_value(static_cast<unsigned char>(*cursor));
        if (digit >= base)
            break;
        unsigned long long next;
        if (__builtin_mul_overflow(result.magnitude, static_cast<unsigned long long>(base), &next)
            || __builtin_add_overflow(next, static_cast<unsigned long long>(digit), &next) || next > limit) {
            result.overflow = true;
            result.magnitude = limit;
        } else if (!result.overflow) {
            result.magnitude = next;
        }
    }
    if (cursor != digits_start)
        result.end = cursor;
    return result;
}

void set_end(char** end, const Parsed& parsed)
{
    if (end != nullptr)
        *end = const_cast<char*>(parsed.end);
}

// A signed result in [minimum, maximum]; ERANGE and the limit on overflow.
long long to_signed(const char* text, char** end, int base, long long minimum, long long maximum)
{
    // A negative number may reach one further than a positive one.
    unsigned long long limit = static_cast<unsigned long long>(maximum) + 1;
    Parsed parsed = parse(text, base, limit);
    set_end(end, parsed);
    if (!parsed.negative && parsed.magnitude == limit)
        parsed.overflow = true;
    if (parsed.overflow) {
        errno = ERANGE;
        return parsed.negative ? minimum : maximum;
    }
    if (parsed.negative)
        return parsed.magnitude == limit ? minimum : -static_cast<long long>(parsed.magnitude);
    return static_cast<long long>(parsed.magnitude);
}

// An unsigned result; a leading '-' negates it modulo 2^n, as C requires.
unsigned long long to_unsigned(const char* text, char** end, int base, unsigned long long maximum)
{
    Parsed parsed = parse(text, base, maximum);
    set_end(end, parsed);
    if (parsed.overflow) {
        errno = ERANGE;
        return maximum;
    }
    return parsed.negative ? (maximum - parsed.magnitude + 1) & maximum : parsed.magnitude;
}

} // namespace

extern "C" {

long strtol(const char* __restrict text, char** __restrict end, int base)
{
    return static_cast<long>(to_signed(text, end, base, LONG_MIN, LONG_MAX));
}
unsigned long strtoul(const char* __restrict text, char** __restrict end, int base)
{
    return static_cast<unsigned long>(to_unsigned(text, end, base, ULONG_MAX));
}
long long strtoll(const char* __restrict text, char** __restrict end, int base)
{
    return to_signed(text, end, base, LLONG_MIN, LLONG_MAX);
}
unsigned long long strtoull(const char* __restrict text, char** __restrict end, int base)
{
    return to_unsigned(text, end, base, ULLONG_MAX);
}
long long strtoq(const char* __restrict text, char** __restrict end, int base) { return strtoll(text, end, base); }
unsigned long long strtouq(const char* __restrict text, char** __restrict end, int base)
{
    return strtoull(text, end, base);
}
intmax_t strtoimax(const char* __restrict text, char** __restrict end, int base)
{
    return to_signed(text, end, base, INTMAX_MIN, INTMAX_MAX);
}
uintmax_t strtoumax(const char* __restrict text, char** __restrict end, int base)
{
    return to_unsigned(text, end, base, UINTMAX_MAX);
}

int atoi(const char* text) { return static_cast<int>(strtol(text, nullptr, 10)); }
long atol(const char* text) { return strtol(text, nullptr, 10); }
long long atoll(const char* text) { return strtoll(text, nullptr, 10); }

} // extern "C"
