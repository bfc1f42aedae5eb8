// Where things are in a task's address space: what the kernel's program
// loader and user-space exec (lib/exec) agree on.
#pragma once

#include <stdint.h>

namespace mach {

constexpr uint64_t kUserBottom = 0x10000; // the lowest usable address (null pages stay unmapped)
constexpr uint64_t kUserTop = 0x0000800000000000ull; // one past the highest
// The initial stack: its top and size. The whole size is reserved as
// demand-zero memory (a page costs a frame only once touched), with a guard
// page below it that no access may touch, so a deep recursion of up to
// 8 MiB works and one beyond it faults instead of running into other memory.
constexpr uint64_t kUserStackTop = 0x00007fffffff0000ull;
constexpr uint64_t kUserStackSize = 8ull << 20;
constexpr uint64_t kUserStackGuardSize = 0x1000;
// The lowest address of the stack's reservation, its guard page included.
constexpr uint64_t kUserStackLimit = kUserStackTop - kUserStackSize - kUserStackGuardSize;

} // namespace mach
