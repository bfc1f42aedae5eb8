// The environment: getenv, setenv, unsetenv, putenv, clearenv over
// `environ`. The program start sets environ to the array it was given;
// the first change copies that array to the heap, and later changes grow
// the copy. Strings that setenv built are not freed when replaced (a
// program may still hold a getenv result), as in other C libraries.
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

extern "C" {
char** environ = nullptr;
}

namespace {

char** g_owned = nullptr; // environ, when it is our heap copy
size_t g_owned_capacity = 0; // entries g_owned has room for, without the final null

size_t count_entries()
{
    size_t count = 0;
    while (environ != nullptr && environ[count] != nullptr)
        ++count;
    return count;
}

// The length of name if it is a valid variable name (non-empty, no '=').
size_t name_length(const char* name)
{
    if (name == nullptr || *name == '\0' || strchr(name, '=') != nullptr)
        return 0;
    return strlen(name);
}

// The index of the entry "name=...", or -1.
long find(const char* name, size_t length)
{
    for (size_t i = 0; environ != nullptr && environ[i] != nullptr; ++i) {
        if (strncmp(environ[i], name, length) == 0 && environ[i][length] == '=')
            return static_cast<long>(i);
    }
    return -1;
}

// Makes environ our heap array with room for one more entry.
bool make_room()
{
    size_t count = count_entries();
    if (environ == g_owned && g_owned != nullptr && count < g_owned_capacity)
        return true;
    size_t capacity = count < 8 ? 16 : count * 2;
    auto* entries = static_cast<char**>(malloc((capacity + 1) * sizeof(char*)));
    if (entries == nullptr)
        return false;
    if (count != 0)
        memcpy(entries, environ, count * sizeof(char*));
    entries[count] = nullptr;
    if (environ == g_owned)
        free(g_owned);
    environ = g_owned = entries;
    g_owned_capacity = capacity;
    return true;
}

// Puts entry ("name=value") in place of the entry for name, or at the end.
// The program's initial array is never written: the first change copies it.
int store(char* entry, size_t length)
{
    if (!make_room()) {
        errno = ENOMEM;
        return -1;
    }
    long index = find(entry, length);
    if (index >= 0) {
        environ[index] = entry;
        return 0;
    }
    size_t count = count_entries();
    environ[count] = entry;
    environ[count + 1] = nullptr;
    return 0;
}

} // namespace

extern "C" {

char* getenv(const char* name)
{
    size_t length = name_length(name);
    if (length == 0)
        return nullptr;
    long index = find(name, length);
    return index < 0 ? nullptr : environ[index] + length + 1;
}

char* secure_getenv(const char* name) { return getenv(name); }

int setenv(const char* name, const char* value, int overwrite)
{
    size_t length = name_length(name);
    if (length == 0 || value == nullptr) {
        errno = EINVAL;
        return -1;
    }
    if (!overwrite && find(name, length) >= 0)
        return 0;
    size_t value_length = strlen(value);
    auto* entry = static_cast<char*>(malloc(length + value_length + 2));
    if (entry == nullptr) {
        errno = ENOMEM;
        return -1;
    }
    memcpy(entry, name, length);
    entry[length] = '=';
    memcpy(entry + length + 1, value, value_length + 1);
    if (store(entry, length) != 0) {
        free(entry);
        return -1;
    }
    return 0;
}

int unsetenv(const char* name)
{
    size_t length = name_length(name);
    if (length == 0) {
        errno = EINVAL;
        return -1;
    }
    if (find(name, length) >= 0 && !make_room()) {
        errno = ENOMEM;
        return -1;
    }
    // Removes every entry for name (a hand-built environ may hold several).
    for (long index; (index = find(name, length)) >= 0;) {
        size_t i = static_cast<size_t>(index);
        for (; environ[i] != nullptr; ++i)
            environ[i] = environ[i + 1];
    }
    return 0;
}

// The string itself becomes part of the environment (no copy).
int putenv(char* assignment)
{
    char* equals = assignment == nullptr ? nullptr : strchr(assignment, '=');
    if (equals == nullptr)
        return assignment == nullptr ? (errno = EINVAL, -1) : unsetenv(assignment);
    size_t length = static_cast<size_t>(equals - assignment);
    if (length == 0) {
        errno = EINVAL;
        return -1;
    }
    return store(assignment, length);
}

int clearenv(void)
{
    if (environ == g_owned)
        free(g_owned);
    g_owned = nullptr;
    g_owned_capacity = 0;
    environ = nullptr;
    return 0;
}

} // extern "C"
