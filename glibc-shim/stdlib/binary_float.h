// Rounding a wide binary significand into a float or double, shared by the
// decimal and hexadecimal paths of strtod and strtof.
#pragma once

#include <stdint.h>

namespace shim {

struct FloatFormat {
    int mantissa_bits; // including the hidden bit: 53 or 24
    int min_exponent; // of normal numbers: -1022 or -126
    int max_exponent; // 1023 or 127
};

inline constexpr FloatFormat k_double_format { 53, -1022, 1023 };
inline constexpr FloatFormat k_float_format { 24, -126, 127 };

struct PackedFloat {
    uint64_t bits; // the IEEE pattern without the sign
    bool out_of_range; // overflowed to infinity, or underflowed (subnormal or zero)
};

// Rounds significand * 2^exponent (significand's top bit set; `sticky`: a
// nonzero tail was dropped below it) to the nearest value of `format`,
// ties to even.
PackedFloat pack_float(uint64_t significand, bool sticky, int exponent, const FloatFormat& format);

} // namespace shim
