// Comparing strings (the "C" locale: collation is byte order).
#include <internal/ascii.h>
#include <string.h>
#include <strings.h>

namespace {

// Compares at most count characters, each first mapped through fold.
template <typename Fold> int compare(const char* a, const char* b, size_t count, Fold fold)
{
    for (size_t i = 0; i < count; ++i) {
        int left = fold(static_cast<unsigned char>(a[i]));
        int right = fold(static_cast<unsigned char>(b[i]));
        if (left != right)
            return left < right ? -1 : 1;
        if (left == '\0')
            return 0;
    }
    return 0;
}

int same(int c) { return c; }

} // namespace

extern "C" {

int strcmp(const char* a, const char* b) { return compare(a, b, static_cast<size_t>(-1), same); }
int strncmp(const char* a, const char* b, size_t count) { return compare(a, b, count, same); }
int strcasecmp(const char* a, const char* b) { return compare(a, b, static_cast<size_t>(-1), shim::ascii::to_lower); }
int strncasecmp(const char* a, const char* b, size_t count) { return compare(a, b, count, shim::ascii::to_lower); }
int strcoll(const char* a, const char* b) { return strcmp(a, b); }

// In the "C" locale the transformed string is the string itself.
size_t strxfrm(char* __restrict to, const char* __restrict from, size_t count)
{
    size_t length = strlen(from);
    if (length < count)
        memcpy(to, from, length + 1);
    return length;
}

} // extern "C"
