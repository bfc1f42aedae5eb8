// Reduction of huge angles modulo pi/2 (Payne-Hanek): x * 2/pi mod 4 needs
// only the bits of 2/pi around x's exponent, so a window of 192 of them,
// multiplied by x's 53-bit significand, gives the quadrant and 128 bits of
// the fraction, enough even for the doubles closest to a multiple of pi/2.
#include "math_internal.h"

namespace shim::math {

namespace {

// floor(2^1280 * 2/pi), most significant word first (computed with
// Machin's formula in exact integer arithmetic).
constexpr uint64_t k_two_over_pi[20] = {
    0xa2f9836e4e441529ull,
    0xfc2757d1f534ddc0ull,
    0xdb6295993c439041ull,
    0xfe5163abdebbc561ull,
    0xb7246e3a424dd2e0ull,
    0x06492eea09d1921cull,
    0xfe1deb1cb129a73eull,
    0xe88235f52ebb4484ull,
    0xe99c7026b45f7e41ull,
    0x3991d639835339f4ull,
    0x9c845f8bbdf9283bull,
    0x1ff897ffde05980full,
    0xef2f118b5a0a6d1full,
    0x6d367ecf27cb09b7ull,
    0x4f463f669e5fea2dull,
    0x7527bac7ebe5f17bull,
    0x3d0739f78a5292eaull,
    0x6bfb5fb11f8d5d08ull,
    0x56033046fc7b6babull,
    0xf0cfbc209af4361dull,
};

// Bit `index` of 2/pi (1 = the 2^-1 bit); zero outside the table.
uint64_t bit_of_two_over_pi(int index)
{
    if (index < 1 || index > 1280)
        return 0;
    int position = index - 1;
    return (k_two_over_pi[position / 64] >> (63 - position % 64)) & 1;
}

// 64 bits of 2/pi starting at bit `first`.
uint64_t window_word(int first)
{
    uint64_t word = 0;
    for (int i = 0; i < 64; ++i)
        word = word << 1 | bit_of_two_over_pi(first + i);
    return word;
}

} // namespace

ReducedAngle reduce_large_angle(double x)
{
    DoubleBits bits = DoubleBits::of(x);
    uint64_t significand = bits.significand();
    int exponent = bits.exponent(); // x = significand * 2^exponent
    // Bits of 2/pi before `first` give multiples of 4 once multiplied.
    int first = exponent - 1;
    uint64_t window[3] = { window_word(first), window_word(first + 64), window_word(first + 128) };
    // product = significand * window (4 words, most significant first);
    // its value is x * 2/pi * 2^190 (mod 4 * 2^190).
    uint64_t product[4] = {};
    unsigned __int128 carry = 0;
    for (int i = 2; i >= 0; --i) {
        unsigned __int128 part = static_cast<unsigned __int128>(significand) * window[i] + carry;
        product[i + 1] = static_cast<uint64_t>(part);
        carry = part >> 64;
    }
    product[0] = static_cast<uint64_t>(carry);
    // Bits 191..190 (from the bottom) are the quadrant; below is the fraction.
    int quadrant = static_cast<int>(product[1] >> 62);
    uint64_t high = product[1] << 2 | product[2] >> 62;
    uint64_t low = product[2] << 2 | product[3] >> 62;
    // Past one half, take the distance to the next quadrant instead, in
    // integers so that no bits cancel: 1 - f is the 128-bit negation.
    bool past_half = (high >> 63) != 0;
    if (past_half) {
        low = ~low + 1;
        high = ~high + (low == 0 ? 1 : 0);
        ++quadrant;
    }
    long double fraction
        = static_cast<long double>(high) * power_of_two(-64) + static_cast<long double>(low) * power_of_two(-128);
    if (past_half)
        fraction = -fraction;
    long double r = fraction * k_pi_2;
    if (bits.negative) {
        r = -r;
        quadrant = -quadrant;
    }
    return { r, quadrant & 3 };
}

} // namespace shim::math
