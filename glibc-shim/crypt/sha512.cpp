#include "sha512.h"

namespace crypt_impl {
namespace {

constexpr uint64_t kRound[80] = {
    0x428a2f98d728ae22,
    0x7137449123ef65cd,
    0xb5c0fbcfec4d3b2f,
    0xe9b5dba58189dbbc,
    0x3956c25bf348b538,
    0x59f111f1b605d019,
    0x923f82a4af194f9b,
    0xab1c5ed5da6d8118,
    0xd807aa98a3030242,
    0x12835b0145706fbe,
    0x243185be4ee4b28c,
    0x550c7dc3d5ffb4e2,
    0x72be5d74f27b896f,
    0x80deb1fe3b1696b1,
    0x9bdc06a725c71235,
    0xc19bf174cf692694,
    0xe49b69c19ef14ad2,
    0xefbe4786384f25e3,
    0x0fc19dc68b8cd5b5,
    0x240ca1cc77ac9c65,
    0x2de92c6f592b0275,
    0x4a7484aa6ea6e483,
    0x5cb0a9dcbd41fbd4,
    0x76f988da831153b5,
    0x983e5152ee66dfab,
    0xa831c66d2db43210,
    0xb00327c898fb213f,
    0xbf597fc7beef0ee4,
    0xc6e00bf33da88fc2,
    0xd5a79147930aa725,
    0x06ca6351e003826f,
    0x142929670a0e6e70,
    0x27b70a8546d22ffc,
    0x2e1b21385c26c926,
    0x4d2c6dfc5ac42aed,
    0x53380d139d95b3df,
    0x650a73548baf63de,
    0x766a0abb3c77b2a8,
    0x81c2c92e47edaee6,
    0x92722c851482353b,
    0xa2bfe8a14cf10364,
    0xa81a664bbc423001,
    0xc24b8b70d0f89791,
    0xc76c51a30654be30,
    0xd192e819d6ef5218,
    0xd69906245565a910,
    0xf40e35855771202a,
    0x106aa07032bbd1b8,
    0x19a4c116b8d2d0c8,
    0x1e376c085141ab53,
    0x2748774cdf8eeb99,
    0x34b0bcb5e19b48a8,
    0x391c0cb3c5c95a63,
    0x4ed8aa4ae3418acb,
    0x5b9cca4f7763e373,
    0x682e6ff3d6b2b8a3,
    0x748f82ee5defb2fc,
    0x78a5636f43172f60,
    0x84c87814a1f0ab72,
    0x8cc702081a6439ec,
    0x90befffa23631e28,
    0xa4506cebde82bde9,
    0xbef9a3f7b2c67915,
    0xc67178f2e372532b,
    0xca273eceea26619c,
    0xd186b8c721c0c207,
    0xeada7dd6cde0eb1e,
    0xf57d4f7fee6ed178,
    0x06f067aa72176fba,
    0x0a637dc5a2c898a6,
    0x113f9804bef90dae,
    0x1b710b35131c471b,
    0x28db77f523047d84,
    0x32caab7b40c72493,
    0x3c9ebe0a15c9bebc,
    0x431d67c49c100d4c,
    0x4cc5d4becb3e42b6,
    0x597f299cfc657e2a,
    0x5fcb6fab3ad6faec,
    0x6c44198c4a475817,
};

constexpr uint64_t kInitial[8] = {
    0x6a09e667f3bcc908,
    0xbb67ae8584caa73b,
    0x3c6ef372fe94f82b,
    0xa54ff53a5f1d36f1,
    0x510e527fade682d1,
    0x9b05688c2b3e6c1f,
    0x1f83d9abfb41bd6b,
    0x5be0cd19137e2179,
};

constexpr uint64_t rotate_right(uint64_t x, unsigned n) { return (x >> n) | (x << (64 - n)); }

uint64_t load_big_endian(const uint8_t* bytes)
{
    uint64_t value = 0;
    for (int i = 0; i < 8; i++)
        value = (value << 8) | bytes[i];
    return value;
}

void store_big_endian(uint64_t value, uint8_t* bytes)
{
    for (int i = 7; i >= 0; i--) {
        bytes[i] = uint8_t(value);
        value >>= 8;
    }
}

} // namespace

Sha512::Sha512()
{
    for (int i = 0; i < 8; i++)
        m_state[i] = kInitial[i];
}

void Sha512::compress(const uint8_t* block)
{
    uint64_t w[80];
    for (int t = 0; t < 16; t++)
        w[t] = load_big_endian(block + 8 * t);
    for (int t = 16; t < 80; t++) {
        uint64_t s0 = rotate_right(w[t - 15], 1) ^ rotate_right(w[t - 15], 8) ^ (w[t - 15] >> 7);
        uint64_t s1 = rotate_right(w[t - 2], 19) ^ rotate_right(w[t - 2], 61) ^ (w[t - 2] >> 6);
        w[t] = w[t - 16] + s0 + w[t - 7] + s1;
    }
    uint64_t a = m_state[0], b = m_state[1], c = m_state[2], d = m_state[3];
    uint64_t e = m_state[4], f = m_state[5], g = m_state[6], h = m_state[7];
    for (int t = 0; t < 80; t++) {
        uint64_t sum1 = rotate_right(e, 14) ^ rotate_right(e, 18) ^ rotate_right(e, 41);
        uint64_t choose = (e & f) ^ (~e & g);
        uint64_t temp1 = h + sum1 + choose + kRound[t] + w[t];
        uint64_t sum0 = rotate_right(a, 28) ^ rotate_right(a, 34) ^ rotate_right(a, 39);
        uint64_t majority = (a & b) ^ (a & c) ^ (b & c);
        uint64_t temp2 = sum0 + majority;
        h = g;
        g = f;
        f = e;
        e = d + temp1;
        d = c;
        c = b;
        b = a;
        a = temp1 + temp2;
    }
    m_state[0] += a;
    m_state[1] += b;
    m_state[2] += c;
    m_state[3] += d;
    m_state[4] += e;
    m_state[5] += f;
    m_state[6] += g;
    m_state[7] += h;
}

void Sha512::update(const void* data, size_t size)
{
    const uint8_t* bytes = static_cast<const uint8_t*>(data);
    m_length += size;
    while (size > 0) {
        size_t take = sizeof(m_block) - m_used;
        if (take > size)
            take = size;
        for (size_t i = 0; i < take; i++)
            m_block[m_used + i] = bytes[i];
        m_used += take;
        bytes += take;
        size -= take;
        if (m_used == sizeof(m_block)) {
            compress(m_block);
            m_used = 0;
        }
    }
}

void Sha512::finish(uint8_t (&digest)[kDigestSize])
{
    uint64_t bits = m_length * 8;
    uint8_t pad = 0x80;
    update(&pad, 1);
    uint8_t zero = 0;
    while (m_used != 112)
        update(&zero, 1);
    uint8_t length[16] = {}; // the upper 64 bits of the 128-bit length stay zero
    store_big_endian(bits, length + 8);
    update(length, sizeof(length));
    for (int i = 0; i < 8; i++)
        store_big_endian(m_state[i], digest + 8 * i);
}

void sha512(const void* data, size_t size, uint8_t (&digest)[Sha512::kDigestSize])
{
    Sha512 context;
    context.update(data, size);
    context.finish(digest);
}

} // namespace crypt_impl
