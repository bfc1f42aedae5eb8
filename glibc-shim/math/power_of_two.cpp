#include "math_internal.h"

namespace shim::math {

long double power_of_two(int k)
{
    // The x87 extended format: an explicit integer bit, then a 15-bit
    // exponent biased by 16383 in the next two bytes.
    struct Extended {
        uint64_t mantissa;
        uint16_t exponent;
        uint16_t padding[3];
    };
    Extended pattern { uint64_t { 1 } << 63, static_cast<uint16_t>(k + 16383), { 0, 0, 0 } };
    return __builtin_bit_cast(long double, pattern);
}

} // namespace shim::math
