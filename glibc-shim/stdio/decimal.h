// An exact decimal number of up to k_capacity significant digits, with
// multiplication and division by powers of two. printf uses it to print the
// exact value of a double; strtod uses it to find the double nearest to a
// decimal string. Every double is a finite binary fraction, so its decimal
// expansion is finite (at most 767 significant digits) and fits exactly.
#pragma once

#include <stdint.h>

namespace shim {

class Decimal {
public:
    static constexpr int k_capacity = 800;

    // value = 0.digits[0] digits[1] ... * 10^point; digits hold 0..9, no
    // leading zero, no trailing zero. count == 0 means the value is zero.
    uint8_t digits[k_capacity];
    int count = 0;
    int point = 0;
    // Nonzero digits were dropped beyond k_capacity (strtod input only).
    bool truncated = false;

    void set(uint64_t value);
    // Multiplies by 2^bits (bits > 0) or divides by 2^-bits (bits < 0).
    void shift(int bits);
    // Rounds to the first `keep` digits (keep may be <= 0), ties to even;
    // the value may carry into a new leading digit (point then grows).
    void round_to(int keep);
    // Is the digit at `index` (0 = first) one of the first `count`? Digits
    // past count are zeros.
    int digit_at(int index) const { return index >= 0 && index < count ? digits[index] : 0; }
    // Appends one parsed digit (strtod) of the integer part or of the
    // fraction; call trim() when done.
    void append_digit(int digit, bool integer_part);
    // Drops trailing zeros (the form every other method expects).
    void trim();
    // The integer formed by the digits before the point (point <= 19), and
    // whether anything nonzero follows them.
    uint64_t integer_part(bool& rest_nonzero) const;

private:
    void shift_left(int bits);
    void shift_right(int bits);
    void store(int index, uint64_t digit);
    void drop_digits_beyond(int limit);
    bool rounds_up_at(int keep) const;
    void round_up_at(int keep);
};

} // namespace shim
