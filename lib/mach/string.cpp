// The memory functions the compiler may call on its own, for freestanding
// programs. Plain loops: these programs are small tests, not libc.
#include <stddef.h>

extern "C" {

void* memcpy(void* destination, const void* source, size_t count)
{
    auto* d = static_cast<unsigned char*>(destination);
    auto* s = static_cast<const unsigned char*>(source);
    while (count--)
        *d++ = *s++;
    return destination;
}

void* memmove(void* destination, const void* source, size_t count)
{
    auto* d = static_cast<unsigned char*>(destination);
    auto* s = static_cast<const unsigned char*>(source);
    if (d < s) {
        while (count--)
            *d++ = *s++;
    } else {
        while (count--)
            d[count] = s[count];
    }
    return destination;
}

void* memset(void* destination, int value, size_t count)
{
    auto* d = static_cast<unsigned char*>(destination);
    while (count--)
        *d++ = static_cast<unsigned char>(value);
    return destination;
}

int memcmp(const void* left, const void* right, size_t count)
{
    auto* l = static_cast<const unsigned char*>(left);
    auto* r = static_cast<const unsigned char*>(right);
    for (; count; --count, ++l, ++r) {
        if (*l != *r)
            return *l < *r ? -1 : 1;
    }
    return 0;
}

size_t strlen(const char* s)
{
    size_t n = 0;
    while (s[n])
        ++n;
    return n;
}
}
