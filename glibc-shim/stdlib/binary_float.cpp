#include "binary_float.h"

namespace shim {

namespace {

uint64_t infinity_bits(const FloatFormat& format)
{
    int exponent_bits = format.mantissa_bits == 53 ? 11 : 8;
    return ((uint64_t { 1 } << exponent_bits) - 1) << (format.mantissa_bits - 1);
}

} // namespace

PackedFloat pack_float(uint64_t significand, bool sticky, int exponent, const FloatFormat& format)
{
    int leading = exponent + 63; // the binary exponent of the top bit
    if (leading > format.max_exponent)
        return { infinity_bits(format), true };
    int drop = 64 - format.mantissa_bits;
    bool subnormal = leading < format.min_exponent;
    if (subnormal)
        drop += format.min_exponent - leading;
    if (drop > 64)
        return { 0, true }; // Below half the smallest subnormal.
    uint64_t kept = drop == 64 ? 0 : significand >> drop;
    uint64_t rest = drop == 64 ? significand : significand & ((uint64_t { 1 } << drop) - 1);
    uint64_t half = uint64_t { 1 } << (drop - 1);
    if (rest > half || (rest == half && (sticky || (kept & 1) != 0)))
        ++kept;
    bool inexact = rest != 0 || sticky;
    uint64_t hidden = uint64_t { 1 } << (format.mantissa_bits - 1);
    // A carry into `hidden` makes the smallest normal, as wanted; it is not
    // an underflow (tininess is judged after rounding, as on x86).
    if (subnormal)
        return { kept, inexact && kept < hidden };
    if (kept == hidden << 1) {
        kept >>= 1;
        if (++leading > format.max_exponent)
            return { infinity_bits(format), true };
    }
    uint64_t biased = static_cast<uint64_t>(leading - format.min_exponent + 1);
    return { (biased << (format.mantissa_bits - 1)) | (kept - hidden), false };
}

} // namespace shim
