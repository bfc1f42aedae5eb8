// The memory and string functions the compiler may call on its own
// (struct copies, zero-initialization) plus the few the kernel and user
// programs use (make/user.mk links it into every program).
// Written with `rep movsq`/`rep stosq` for the bulk and the byte forms for
// the rest: short, and fast on modern CPUs.
#include <stddef.h>
#include <stdint.h>

extern "C" {

void* memcpy(void* destination, const void* source, size_t count)
{
    void* result = destination;
    size_t words = count / 8;
    size_t rest = count % 8;
    asm volatile("rep movsq" : "+D"(destination), "+S"(source), "+c"(words) : : "memory");
    asm volatile("rep movsb" : "+D"(destination), "+S"(source), "+c"(rest) : : "memory");
    return result;
}

void* memmove(void* destination, const void* source, size_t count)
{
    auto* d = static_cast<unsigned char*>(destination);
    auto* s = static_cast<const unsigned char*>(source);
    if (d <= s || d >= s + count)
        return memcpy(destination, source, count);
    // Overlapping with the destination above the source: copy backwards.
    d += count - 1;
    s += count - 1;
    asm volatile("std; rep movsb; cld" : "+D"(d), "+S"(s), "+c"(count) : : "memory");
    return destination;
}

void* memset(void* destination, int value, size_t count)
{
    void* result = destination;
    uint64_t pattern = uint8_t(value) * 0x0101010101010101ull;
    size_t words = count / 8;
    size_t rest = count % 8;
    asm volatile("rep stosq" : "+D"(destination), "+c"(words) : "a"(pattern) : "memory");
    asm volatile("rep stosb" : "+D"(destination), "+c"(rest) : "a"(pattern) : "memory");
    return result;
}

int memcmp(const void* left, const void* right, size_t count)
{
    auto* a = static_cast<const unsigned char*>(left);
    auto* b = static_cast<const unsigned char*>(right);
    for (size_t i = 0; i < count; ++i) {
        if (a[i] != b[i])
            return a[i] < b[i] ? -1 : 1;
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

int strcmp(const char* left, const char* right)
{
    while (*left && *left == *right) {
        ++left;
        ++right;
    }
    return static_cast<unsigned char>(*left) - static_cast<unsigned char>(*right);
}

int strncmp(const char* left, const char* right, size_t count)
{
    for (size_t i = 0; i < count; ++i) {
        if (left[i] != right[i] || !left[i])
            return static_cast<unsigned char>(left[i]) - static_cast<unsigned char>(right[i]);
    }
    return 0;
}

} // extern "C"
