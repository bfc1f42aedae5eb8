// memset and bzero.
#include <stdint.h>
#include <string.h>
#include <strings.h>

extern "C" {

void* memset(void* to, int byte, size_t count)
{
    auto* destination = static_cast<unsigned char*>(to);
    auto value = static_cast<unsigned char>(byte);
    while (count > 0 && (reinterpret_cast<uintptr_t>(destination) & 7) != 0) {
        *destination++ = value;
        --count;
    }
    uint64_t word = value * 0x0101010101010101ULL;
    for (; count >= 8; count -= 8, destination += 8)
        __builtin_memcpy(destination, &word, 8);
    while (count-- > 0)
        *destination++ = value;
    return to;
}

void bzero(void* to, size_t count) { memset(to, 0, count); }

} // extern "C"
