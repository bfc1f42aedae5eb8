// Where things are in a task's address space: what the kernel's program
// loader and user-space exec (lib/exec) agree on.
#pragma once

#include <stdint.h>

namespace mach {

constexpr uint64_t kUserBottom = 0x10000; // the lowest usable address (null pages stay unmapped)
constexpr uint64_t kUserTop = 0x0000800000000000ull; // one past the highest
// The initial stack: its top and size.
constexpr uint64_t kUserStackTop = 0x00007fffffff0000ull;
constexpr uint64_t kUserStackSize = 256 * 1024;

} // namespace mach
