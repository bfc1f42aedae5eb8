// Fuzz target for path parsing (lib/fs_server/path.h, which lookups, the
// file systems' own searches and tmpfs's archive share): the input is a
// path. Checked: next_component takes it apart into components that hold
// no slash and are never empty, only the final one is `last`, and joining
// them with single slashes gives the path with its runs of slashes
// squeezed and its leading and trailing ones dropped (the round trip);
// copy_component cuts exactly what does not fit and always ends in a NUL;
// check_name accepts exactly the names a directory may hold.
#include "fuzz_target.h"

#include <mach/error.h> // path.h uses Error without including it

#include <fs_server/path.h>

#include <cstring>
#include <string>

namespace {

// The path as the components should rebuild it.
std::string squeezed(const std::string& path)
{
    std::string out;
    for (size_t i = 0; i < path.size(); i++) {
        if (path[i] == '/' && (out.empty() || out.back() == '/'))
            continue;
        out += path[i];
    }
    while (!out.empty() && out.back() == '/')
        out.pop_back();
    return out;
}

void check_name_rule(const char* name, size_t length)
{
    Error expected = Error::none;
    if (length == 0 || std::strcmp(name, ".") == 0 || std::strcmp(name, "..") == 0 || std::strchr(name, '/'))
        expected = Error::invalid_argument;
    else if (length > fs::kMaxName)
        expected = Error::name_too_long;
    if (fs::check_name(name) != expected)
        fuzz::fail("check_name(\"%s\") is %d, not %d", name, int(fs::check_name(name)), int(expected));
}

void run(const uint8_t* data, size_t size)
{
    // A path is a C string: it ends at the first NUL.
    std::string path(reinterpret_cast<const char*>(data), size);
    path = path.substr(0, path.find('\0'));
    std::string rebuilt;
    size_t at = 0;
    fs::PathComponent component {};
    bool ended = false;
    while (fs::next_component(path.c_str(), at, component)) {
        if (ended)
            fuzz::fail("a component after the last one in \"%s\"", path.c_str());
        if (component.length == 0 || std::memchr(component.start, '/', component.length))
            fuzz::fail("a component of \"%s\" is empty or holds a slash", path.c_str());
        if (at > path.size())
            fuzz::fail("next_component went past the end of \"%s\"", path.c_str());
        ended = component.last;
        if (!rebuilt.empty())
            rebuilt += '/';
        rebuilt.append(component.start, component.length);
        char name[fs::kMaxName + 1];
        size_t capacity = 1 + (component.length + size) % sizeof(name);
        bool whole = fs::copy_component(component, name, capacity);
        size_t copied = std::strlen(name);
        if (whole != (component.length < capacity) || copied != (whole ? component.length : capacity - 1)
            || std::memcmp(name, component.start, copied) != 0)
            fuzz::fail("copy_component of a %zu-byte name into %zu bytes", component.length, capacity);
        if (whole)
            check_name_rule(name, copied);
    }
    if (!path.empty() && rebuilt != squeezed(path))
        fuzz::fail("\"%s\" rebuilt as \"%s\"", path.c_str(), rebuilt.c_str());
    if (!rebuilt.empty() && !ended)
        fuzz::fail("the last component of \"%s\" was not marked last", path.c_str());
    check_name_rule(path.c_str(), path.size());
}

const fuzz::Target kTarget { "path", 512, nullptr, run, nullptr };

} // namespace

PORTICO_FUZZ_TARGET(kTarget)
