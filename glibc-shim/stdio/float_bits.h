// The fields of an IEEE-754 double, for code that works on its bits.
#pragma once

#include <stdint.h>

namespace shim {

struct DoubleBits {
    bool negative;
    int biased_exponent; // 0 for zero and subnormals, 2047 for inf and NaN
    uint64_t fraction; // the 52 stored bits

    static DoubleBits of(double value)
    {
        uint64_t bits = __builtin_bit_cast(uint64_t, value);
        return { (bits >> 63) != 0, static_cast<int>((bits >> 52) & 0x7ff), bits & ((uint64_t { 1 } << 52) - 1) };
    }
    // value = significand * 2^exponent exactly (finite values).
    uint64_t significand() const { return biased_exponent == 0 ? fraction : fraction | (uint64_t { 1 } << 52); }
    int exponent() const { return (biased_exponent == 0 ? 1 : biased_exponent) - 1075; }
};

inline double double_from_bits(uint64_t bits) { return __builtin_bit_cast(double, bits); }
inline uint64_t bits_of_double(double value) { return __builtin_bit_cast(uint64_t, value); }

} // namespace shim
