// internal/ascii.h: character tests of the "C" locale shared by string/,
// stdlib/ and misc/ without going through the public ctype functions.
#pragma once

namespace shim::ascii {

constexpr bool is_digit(int c) { return c >= '0' && c <= '9'; }
constexpr bool is_upper(int c) { return c >= 'A' && c <= 'Z'; }
constexpr bool is_lower(int c) { return c >= 'a' && c <= 'z'; }
constexpr bool is_alpha(int c) { return is_upper(c) || is_lower(c); }
constexpr bool is_space(int c) { return c == ' ' || (c >= '\t' && c <= '\r'); }
constexpr int to_lower(int c) { return is_upper(c) ? c - 'A' + 'a' : c; }
constexpr int to_upper(int c) { return is_lower(c) ? c - 'a' + 'A' : c; }

// The value of c as a digit in bases up to 36, or 36 when it is none.
constexpr int digit_value(int c)
{
    if (is_digit(c))
        return c - '0';
    if (is_alpha(c))
        return to_lower(c) - 'a' + 10;
    return 36;
}

} // namespace shim::ascii
