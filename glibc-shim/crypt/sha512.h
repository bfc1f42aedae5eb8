// SHA-512 (FIPS 180-4), for crypt()'s "$6$" method.
#pragma once

#include <stddef.h>
#include <stdint.h>

namespace crypt_impl {

class Sha512 {
public:
    static constexpr size_t kDigestSize = 64;

    Sha512();
    // Adds `size` bytes of the message.
    void update(const void* data, size_t size);
    // The digest of everything added; the object must not be used afterwards.
    void finish(uint8_t (&digest)[kDigestSize]);

private:
    void compress(const uint8_t* block);

    uint64_t m_state[8];
    uint8_t m_block[128];
    size_t m_used = 0; // bytes in m_block
    uint64_t m_length = 0; // message bytes so far (below 2^61: the length in bits fits 64 bits)
};

// The digest of one buffer.
void sha512(const void* data, size_t size, uint8_t (&digest)[Sha512::kDigestSize]);

} // namespace crypt_impl
