// Taking a path apart one component at a time: "a//b/c/" gives "a", "b"
// and "c" (the last), and the names a directory may hold. Shared by
// lookups, a file system's own searches and tmpfs's archive.
#pragma once

#include <freestanding/text.h>
#include <interfaces/fs.h>
#include <stddef.h>

namespace fs {

struct PathComponent {
    const char* start;
    size_t length;
    bool last; // nothing but slashes follows
};

// The component of `path` at or after `at`, which moves past it; false at the end.
inline bool next_component(const char* path, size_t& at, PathComponent& component)
{
    while (path[at] == '/')
        at++;
    if (!path[at])
        return false;
    component.start = path + at;
    while (path[at] && path[at] != '/')
        at++;
    component.length = size_t(path + at - component.start);
    size_t rest = at;
    while (path[rest] == '/')
        rest++;
    component.last = !path[rest];
    return true;
}

// Copies the component into `name` (`capacity` bytes), cut to fit with its
// NUL; false if it had to be cut.
inline bool copy_component(const PathComponent& component, char* name, size_t capacity)
{
    size_t length = component.length < capacity ? component.length : capacity - 1;
    for (size_t i = 0; i < length; i++)
        name[i] = component.start[i];
    name[length] = '\0';
    return length == component.length;
}

// A name a directory may hold: not empty, no slash, not "." or "..".
inline Error check_name(const char* name)
{
    if (!name[0] || freestanding::same_text(name, ".") || freestanding::same_text(name, ".."))
        return Error::invalid_argument;
    for (const char* c = name; *c; c++) {
        if (*c == '/')
            return Error::invalid_argument;
    }
    return freestanding::text_length(name) > kMaxName ? Error::name_too_long : Error::none;
}

} // namespace fs
