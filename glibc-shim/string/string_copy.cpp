// Copying and joining strings, and duplicating them on the heap.
#include <stdlib.h>
#include <string.h>

extern "C" {

char* stpcpy(char* __restrict to, const char* __restrict from)
{
    while ((*to = *from) != '\0') {
        ++to;
        ++from;
    }
    return to;
}

char* strcpy(char* __restrict to, const char* __restrict from)
{
    stpcpy(to, from);
    return to;
}

// Copies at most count characters and pads with NULs to count; returns the
// end of the copied text (the first padding byte, or to + count).
char* stpncpy(char* __restrict to, const char* __restrict from, size_t count)
{
    size_t length = strnlen(from, count);
    memcpy(to, from, length);
    memset(to + length, 0, count - length);
    return to + length;
}

char* strncpy(char* __restrict to, const char* __restrict from, size_t count)
{
    stpncpy(to, from, count);
    return to;
}

char* strcat(char* __restrict to, const char* __restrict from)
{
    stpcpy(to + strlen(to), from);
    return to;
}

char* strncat(char* __restrict to, const char* __restrict from, size_t count)
{
    char* end = to + strlen(to);
    size_t length = strnlen(from, count);
    memcpy(end, from, length);
    end[length] = '\0';
    return to;
}

char* strndup(const char* text, size_t limit)
{
    size_t length = strnlen(text, limit);
    auto* copy = static_cast<char*>(malloc(length + 1));
    if (copy == nullptr)
        return nullptr;
    memcpy(copy, text, length);
    copy[length] = '\0';
    return copy;
}

char* strdup(const char* text) { return strndup(text, static_cast<size_t>(-1)); }

} // extern "C"
