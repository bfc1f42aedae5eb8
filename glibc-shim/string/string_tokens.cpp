// Splitting strings into tokens.
#include <string.h>

extern "C" {

char* strtok_r(char* __restrict text, const char* __restrict delimiters, char** __restrict saved)
{
    if (text == nullptr)
        text = *saved;
    if (text == nullptr)
        return nullptr;
    text += strspn(text, delimiters);
    if (*text == '\0') {
        *saved = nullptr;
        return nullptr;
    }
    char* end = text + strcspn(text, delimiters);
    if (*end == '\0') {
        *saved = nullptr;
    } else {
        *end = '\0';
        *saved = end + 1;
    }
    return text;
}

char* strtok(char* __restrict text, const char* __restrict delimiters)
{
    static char* saved;
    return strtok_r(text, delimiters, &saved);
}

// Unlike strtok, empty fields between adjacent delimiters are returned.
char* strsep(char** __restrict text, const char* __restrict delimiters)
{
    char* field = *text;
    if (field == nullptr)
        return nullptr;
    char* end = field + strcspn(field, delimiters);
    if (*end == '\0') {
        *text = nullptr;
    } else {
        *end = '\0';
        *text = end + 1;
    }
    return field;
}

} // extern "C"
