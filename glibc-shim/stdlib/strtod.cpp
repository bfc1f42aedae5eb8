// strtod, strtof, strtold and atof: decimal and hexadecimal floating-point
// text to the nearest float/double, correctly rounded. Decimal input goes
// through the exact Decimal that printf uses; hex input is already binary.
#include "../stdio/decimal.h"
#include "binary_float.h"

#include <errno.h>
#include <stdlib.h>

namespace shim {

namespace {

bool is_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

int hex_value(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f')
        return (c | 0x20) - 'a' + 10;
    return -1;
}

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c | 0x20) : c; }

// Does `text` start with `word` (lower case), ignoring case?
bool starts_with_word(const char* text, const char* word)
{
    for (; *word != 0; ++word, ++text)
        if (lower(*text) != *word)
            return false;
    return true;
}

// An optional exponent: [eEpP][+-]digits. Leaves `text` alone (and returns
// 0) when no digits follow the letter. Saturates far beyond any range.
long read_exponent(const char*& text, char letter)
{
    if (lower(*text) != letter)
        return 0;
    const char* cursor = text + 1;
    bool negative = *cursor == '-';
    if (*cursor == '+' || *cursor == '-')
        ++cursor;
    if (!is_digit(*cursor))
        return 0;
    long value = 0;
    for (; is_digit(*cursor); ++cursor)
        if (value < 100000000)
            value = value * 10 + (*cursor - '0');
    text = cursor;
    return negative ? -value : value;
}

struct Parsed {
    PackedFloat packed;
    const char* end; // nullptr: no number
};

// Brings the decimal into [2^63, 2^64) by shifts and packs it.
PackedFloat pack_decimal(Decimal& value, const FloatFormat& format)
{
    if (value.count == 0)
        return { 0, false };
    if (value.point > 330)
        return pack_float(uint64_t { 1 } << 63, false, 100000, format);
    if (value.point < -350)
        return { 0, true };
    int exponent = 0;
    // Shift toward [0.5, 1): 10^p lies between 8^p and 16^p.
    while (value.point > 0) {
        int step = value.point * 3 < 59 ? value.point * 3 : 59;
        value.shift(-step);
        exponent += step;
    }
    while (value.point < 0 || (value.point == 0 && value.digits[0] < 5)) {
        int step = value.point < 0 ? (-value.point * 3 < 59 ? -value.point * 3 : 59) : 1;
        value.shift(step);
        exponent -= step;
    }
    value.shift(64);
    bool sticky = false;
    uint64_t significand = value.integer_part(sticky);
    return pack_float(significand, sticky, exponent - 64, format);
}

Parsed parse_decimal(const char* text, const FloatFormat& format)
{
    Decimal value;
    bool any_digit = false;
    for (; is_digit(*text); ++text, any_digit = true)
        value.append_digit(*text - '0', true);
    if (*text == '.') {
        ++text;
        for (; is_digit(*text); ++text, any_digit = true)
            value.append_digit(*text - '0', false);
    }
    if (!any_digit)
        return { { 0, false }, nullptr };
    long exponent = read_exponent(text, 'e');
    value.trim();
    if (value.count != 0)
        value.point += static_cast<int>(exponent < -100000 ? -100000 : exponent > 100000 ? 100000 : exponent);
    return { pack_decimal(value, format), text };
}

// After "0x": hex digits, an optional point, and an optional p exponent.
Parsed parse_hex(const char* text, const FloatFormat& format)
{
    uint64_t significand = 0;
    bool sticky = false;
    long exponent = 0;
    bool any_digit = false;
    bool after_point = false;
    for (;; ++text) {
        if (*text == '.' && !after_point) {
            after_point = true;
            continue;
        }
        int digit = hex_value(*text);
        if (digit < 0)
            break;
        any_digit = true;
        if (significand >> 60 == 0) {
            significand = significand << 4 | static_cast<uint64_t>(digit);
            if (after_point)
                exponent -= 4;
        } else {
            sticky |= digit != 0;
            if (!after_point)
                exponent += 4;
        }
    }
    if (!any_digit)
        return { { 0, false }, nullptr };
    long binary = read_exponent(text, 'p');
    if (significand == 0)
        return { { 0, false }, text };
    int shift = __builtin_clzll(significand);
    significand <<= shift;
    exponent += binary - shift;
    exponent = exponent < -100000 ? -100000 : exponent > 100000 ? 100000 : exponent;
    return { pack_float(significand, sticky, static_cast<int>(exponent), format), text };
}

// "inf", "infinity", "nan", "nan(chars)"; end is nullptr for neither.
Parsed parse_special(const char* text, const FloatFormat& format)
{
    uint64_t exponent_ones = format.mantissa_bits == 53 ? 0x7ffull << 52 : 0xffull << 23;
    if (starts_with_word(text, "infinity"))
        return { { exponent_ones, false }, text + 8 };
    if (starts_with_word(text, "inf"))
        return { { exponent_ones, false }, text + 3 };
    if (!starts_with_word(text, "nan"))
        return { { 0, false }, nullptr };
    text += 3;
    if (*text == '(') {
        const char* cursor = text + 1;
        while (is_digit(*cursor) || (lower(*cursor) >= 'a' && lower(*cursor) <= 'z') || *cursor == '_')
            ++cursor;
        if (*cursor == ')')
            text = cursor + 1;
    }
    uint64_t quiet = uint64_t { 1 } << (format.mantissa_bits - 2);
    return { { exponent_ones | quiet, false }, text };
}

// The common parse: returns the sign bit and the IEEE pattern.
uint64_t parse_float(const char* text, char** end, const FloatFormat& format)
{
    const char* start = text;
    while (is_space(*text))
        ++text;
    bool negative = *text == '-';
    if (*text == '+' || *text == '-')
        ++text;
    Parsed parsed = parse_special(text, format);
    if (parsed.end == nullptr && text[0] == '0' && lower(text[1]) == 'x') {
        parsed = parse_hex(text + 2, format);
        if (parsed.end == nullptr) // "0x" alone is the number 0 followed by "x".
            parsed = { { 0, false }, text + 1 };
    }
    if (parsed.end == nullptr)
        parsed = parse_decimal(text, format);
    if (parsed.end == nullptr) {
        if (end != nullptr)
            *end = const_cast<char*>(start);
        return 0;
    }
    if (end != nullptr)
        *end = const_cast<char*>(parsed.end);
    if (parsed.packed.out_of_range)
        errno = ERANGE;
    uint64_t sign = negative ? uint64_t { 1 } << (format.mantissa_bits == 53 ? 63 : 31) : 0;
    return parsed.packed.bits | sign;
}

} // namespace

} // namespace shim

extern "C" {

double strtod(const char* text, char** end)
{
    return __builtin_bit_cast(double, shim::parse_float(text, end, shim::k_double_format));
}

float strtof(const char* text, char** end)
{
    return __builtin_bit_cast(float, static_cast<uint32_t>(shim::parse_float(text, end, shim::k_float_format)));
}

// FIXME: long double is parsed as a double (53 of its 64 mantissa bits).
long double strtold(const char* text, char** end) { return strtod(text, end); }

double atof(const char* text) { return strtod(text, nullptr); }

} // extern "C"
