#include <exec/arguments.h>
#include <freestanding/text.h>

namespace exec {
namespace {

// Appends `text` and its NUL at `used`; false if it does not fit.
bool append(const char* text, char* out, uint32_t capacity, uint32_t& used)
{
    size_t length = freestanding::text_length(text) + 1;
    if (length > capacity - used)
        return false;
    __builtin_memcpy(out + used, text, length);
    used += uint32_t(length);
    return true;
}

} // namespace

Result<uint32_t> pack_arguments(const char* path, const char* const* argv, uint32_t argc, const char* const* envp,
    uint32_t envc, char* out, uint32_t capacity)
{
    if (argc + envc > kMaxArguments)
        return Error::no_space;
    uint32_t used = 0;
    bool fits = append(path, out, capacity, used);
    for (uint32_t i = 0; fits && i < argc; i++)
        fits = append(argv[i], out, capacity, used);
    for (uint32_t i = 0; fits && i < envc; i++)
        fits = append(envp[i], out, capacity, used);
    if (!fits)
        return Error::no_space;
    return used;
}

Error unpack_arguments(const char* packed, uint32_t length, uint32_t argc, uint32_t envc, Arguments& arguments)
{
    if (argc == 0 || argc + envc > kMaxArguments)
        return Error::invalid_argument;
    const char* strings[kMaxArguments + 1];
    uint32_t count = 0;
    uint32_t start = 0;
    for (uint32_t i = 0; i < length; i++) {
        if (packed[i] != '\0')
            continue;
        if (count == 1 + argc + envc)
            return Error::invalid_argument; // more strings than it said
        strings[count++] = packed + start;
        start = i + 1;
    }
    if (start != length || count != 1 + argc + envc)
        return Error::invalid_argument; // fewer, or an unterminated last one
    arguments.path = strings[0];
    for (uint32_t i = 0; i < argc + envc; i++)
        arguments.argv[i] = strings[1 + i];
    arguments.argc = argc;
    arguments.envp = arguments.argv + argc;
    arguments.envc = envc;
    return Error::none;
}

} // namespace exec
