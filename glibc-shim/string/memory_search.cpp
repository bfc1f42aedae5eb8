// Comparing and searching blocks of memory.
#include <string.h>
#include <strings.h>

extern "C" {

int memcmp(const void* a, const void* b, size_t count)
{
    auto* left = static_cast<const unsigned char*>(a);
    auto* right = static_cast<const unsigned char*>(b);
    for (size_t i = 0; i < count; ++i) {
        if (left[i] != right[i])
            return left[i] < right[i] ? -1 : 1;
    }
    return 0;
}

int bcmp(const void* a, const void* b, size_t count) { return memcmp(a, b, count); }

void* memchr(const void* block, int byte, size_t count)
{
    auto* bytes = static_cast<const unsigned char*>(block);
    for (size_t i = 0; i < count; ++i) {
        if (bytes[i] == static_cast<unsigned char>(byte))
            return const_cast<unsigned char*>(bytes + i);
    }
    return nullptr;
}

void* memrchr(const void* block, int byte, size_t count)
{
    auto* bytes = static_cast<const unsigned char*>(block);
    while (count-- > 0) {
        if (bytes[count] == static_cast<unsigned char>(byte))
            return const_cast<unsigned char*>(bytes + count);
    }
    return nullptr;
}

void* rawmemchr(const void* block, int byte)
{
    auto* bytes = static_cast<const unsigned char*>(block);
    while (*bytes != static_cast<unsigned char>(byte))
        ++bytes;
    return const_cast<unsigned char*>(bytes);
}

void* memmem(const void* haystack, size_t haystack_length, const void* needle, size_t needle_length)
{
    auto* hay = static_cast<const unsigned char*>(haystack);
    if (needle_length == 0)
        return const_cast<unsigned char*>(hay);
    if (needle_length > haystack_length)
        return nullptr;
    auto* first = static_cast<const unsigned char*>(needle);
    size_t last_start = haystack_length - needle_length;
    for (size_t start = 0; start <= last_start; ++start) {
        auto* candidate = static_cast<const unsigned char*>(memchr(hay + start, *first, last_start - start + 1));
        if (candidate == nullptr)
            return nullptr;
        start = static_cast<size_t>(candidate - hay);
        if (memcmp(candidate, first, needle_length) == 0)
            return const_cast<unsigned char*>(candidate);
    }
    return nullptr;
}

} // extern "C"
