// The multibyte functions of the "C" locale: one byte is one character.
#include <errno.h>
#include <stdlib.h>

extern "C" {

int mblen(const char* text, size_t count)
{
    if (text == nullptr)
        return 0; // no shift states
    if (count == 0)
        return -1;
    return *text != '\0' ? 1 : 0;
}

int mbtowc(wchar_t* __restrict result, const char* __restrict text, size_t count)
{
    if (text == nullptr)
        return 0;
    if (count == 0)
        return -1;
    if (result != nullptr)
        *result = static_cast<unsigned char>(*text);
    return *text != '\0' ? 1 : 0;
}

int wctomb(char* text, wchar_t character)
{
    if (text == nullptr)
        return 0;
    if (character < 0 || character > 255) {
        errno = EILSEQ;
        return -1;
    }
    *text = static_cast<char>(character);
    return 1;
}

size_t mbstowcs(wchar_t* __restrict to, const char* __restrict from, size_t count)
{
    size_t i = 0;
    for (; from[i] != '\0'; ++i) {
        if (to != nullptr) {
            if (i == count)
                return i;
            to[i] = static_cast<unsigned char>(from[i]);
        }
    }
    if (to != nullptr && i < count)
        to[i] = 0;
    return i;
}

size_t wcstombs(char* __restrict to, const wchar_t* __restrict from, size_t count)
{
    size_t i = 0;
    for (; from[i] != 0; ++i) {
        if (from[i] < 0 || from[i] > 255) {
            errno = EILSEQ;
            return static_cast<size_t>(-1);
        }
        if (to != nullptr) {
            if (i == count)
                return i;
            to[i] = static_cast<char>(from[i]);
        }
    }
    if (to != nullptr && i < count)
        to[i] = '\0';
    return i;
}

} // extern "C"
