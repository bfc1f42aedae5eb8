// NUL-terminated text, for code without a C library (the kernel, servers,
// translators): length and comparison.
#pragma once

#include <stddef.h>

namespace freestanding {

constexpr size_t text_length(const char* text)
{
    size_t length = 0;
    while (text[length])
        length++;
    return length;
}

constexpr bool same_text(const char* a, const char* b)
{
    while (*a && *a == *b) {
        a++;
        b++;
    }
    return *a == *b;
}

} // namespace freestanding
