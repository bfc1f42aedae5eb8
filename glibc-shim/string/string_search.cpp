// Measuring strings and finding characters or substrings in them.
#include <internal/ascii.h>
#include <string.h>
#include <strings.h>

namespace {

// A 256-bit set of the bytes in a NUL-terminated list (NUL itself is never in it).
struct ByteSet {
    unsigned long bits[4] = {};

    explicit ByteSet(const char* members)
    {
        for (auto* c = reinterpret_cast<const unsigned char*>(members); *c != '\0'; ++c)
            bits[*c / 64] |= 1UL << (*c % 64);
    }
    bool contains(unsigned char c) const { return (bits[c / 64] >> (c % 64)) & 1; }
};

// The length of the prefix of text whose bytes are (or are not) in set.
size_t span(const char* text, const char* set, bool inside)
{
    ByteSet members(set);
    size_t length = 0;
    for (; text[length] != '\0'; ++length) {
        if (members.contains(static_cast<unsigned char>(text[length])) != inside)
            break;
    }
    return length;
}

} // namespace

extern "C" {

size_t strlen(const char* text)
{
    const char* end = text;
    while (*end != '\0')
        ++end;
    return static_cast<size_t>(end - text);
}

size_t strnlen(const char* text, size_t limit)
{
    size_t length = 0;
    while (length < limit && text[length] != '\0')
        ++length;
    return length;
}

char* strchrnul(const char* text, int c)
{
    while (*text != static_cast<char>(c) && *text != '\0')
        ++text;
    return const_cast<char*>(text);
}

char* strchr(const char* text, int c)
{
    char* found = strchrnul(text, c);
    return *found == static_cast<char>(c) ? found : nullptr;
}

char* strrchr(const char* text, int c)
{
    const char* last = nullptr;
    do {
        if (*text == static_cast<char>(c))
            last = text;
    } while (*text++ != '\0');
    return const_cast<char*>(last);
}

char* index(const char* text, int c) { return strchr(text, c); }
char* rindex(const char* text, int c) { return strrchr(text, c); }

size_t strspn(const char* text, const char* accept) { return span(text, accept, true); }
size_t strcspn(const char* text, const char* reject) { return span(text, reject, false); }

char* strpbrk(const char* text, const char* accept)
{
    text += strcspn(text, accept);
    return *text != '\0' ? const_cast<char*>(text) : nullptr;
}

char* strstr(const char* haystack, const char* needle)
{
    return static_cast<char*>(memmem(haystack, strlen(haystack), needle, strlen(needle)));
}

char* strcasestr(const char* haystack, const char* needle)
{
    size_t length = strlen(needle);
    for (; *haystack != '\0'; ++haystack) {
        if (strncasecmp(haystack, needle, length) == 0)
            return const_cast<char*>(haystack);
    }
    return length == 0 ? const_cast<char*>(haystack) : nullptr;
}

} // extern "C"
