// memcpy, memmove and their relatives.
#include <stdint.h>
#include <string.h>
#include <strings.h>

namespace {

using Word = uint64_t;

// Copies count bytes forward, eight at a time once `to` is aligned.
// Word loads go through __builtin_memcpy (a single unaligned load, never a
// call) so the code stays well-defined for any alignment of `from`.
void copy_forward(unsigned char* to, const unsigned char* from, size_t count)
{
    while (count > 0 && (reinterpret_cast<uintptr_t>(to) & (sizeof(Word) - 1)) != 0) {
        *to++ = *from++;
        --count;
    }
    for (; count >= sizeof(Word); count -= sizeof(Word)) {
        Word word;
        __builtin_memcpy(&word, from, sizeof word);
        __builtin_memcpy(to, &word, sizeof word);
        to += sizeof(Word);
        from += sizeof(Word);
    }
    while (count-- > 0)
        *to++ = *from++;
}

// Copies count bytes from the end down, for overlapping moves to higher addresses.
void copy_backward(unsigned char* to, const unsigned char* from, size_t count)
{
    to += count;
    from += count;
    for (; count >= sizeof(Word); count -= sizeof(Word)) {
        to -= sizeof(Word);
        from -= sizeof(Word);
        Word word;
        __builtin_memcpy(&word, from, sizeof word);
        __builtin_memcpy(to, &word, sizeof word);
    }
    while (count-- > 0)
        *--to = *--from;
}

} // namespace

extern "C" {

void* memcpy(void* __restrict to, const void* __restrict from, size_t count)
{
    copy_forward(static_cast<unsigned char*>(to), static_cast<const unsigned char*>(from), count);
    return to;
}

void* mempcpy(void* __restrict to, const void* __restrict from, size_t count)
{
    copy_forward(static_cast<unsigned char*>(to), static_cast<const unsigned char*>(from), count);
    return static_cast<unsigned char*>(to) + count;
}

void* memmove(void* to, const void* from, size_t count)
{
    auto* destination = static_cast<unsigned char*>(to);
    auto* source = static_cast<const unsigned char*>(from);
    // Forward is safe unless the destination starts inside the source.
    if (destination <= source || destination >= source + count)
        copy_forward(destination, source, count);
    else
        copy_backward(destination, source, count);
    return to;
}

void bcopy(const void* from, void* to, size_t count) { memmove(to, from, count); }

void* memccpy(void* __restrict to, const void* __restrict from, int stop, size_t count)
{
    auto* destination = static_cast<unsigned char*>(to);
    auto* source = static_cast<const unsigned char*>(from);
    for (size_t i = 0; i < count; ++i) {
        destination[i] = source[i];
        if (source[i] == static_cast<unsigned char>(stop))
            return destination + i + 1;
    }
    return nullptr;
}

} // extern "C"
