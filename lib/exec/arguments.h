// A program's path, argv and envp packed as NUL-terminated strings, one
// after another (how exec requests carry them), and taken apart again.
#pragma once

#include <freestanding/result.h>
#include <stddef.h>
#include <stdint.h>

namespace exec {

constexpr uint32_t kMaxArguments = 128; // argv and envp together

struct Arguments {
    const char* path = nullptr;
    const char* argv[kMaxArguments + 1] = {};
    uint32_t argc = 0;
    const char* const* envp = nullptr; // into argv, after argc entries
    uint32_t envc = 0;
};

// Packs path, argv and envp into `out` (capacity bytes); returns the bytes
// used, or no_space.
Result<uint32_t> pack_arguments(const char* path, const char* const* argv, uint32_t argc, const char* const* envp,
    uint32_t envc, char* out, uint32_t capacity);

// Points `arguments` at the strings in `packed` (`length` bytes, which
// must hold exactly 1 + argc + envc of them); invalid_argument if they do not.
Error unpack_arguments(const char* packed, uint32_t length, uint32_t argc, uint32_t envc, Arguments& arguments);

} // namespace exec
