// The x86-64 page size and alignment arithmetic: what the kernel's memory
// manager, the slab caches and the initial stack's AT_PAGESZ agree on.
#pragma once

#include <stddef.h>
#include <stdint.h>

namespace freestanding {

constexpr size_t kPageSize = 4096;
constexpr size_t kPageShift = 12;

// `value` rounded down / up to a multiple of `alignment` (a power of two).
constexpr uint64_t align_down(uint64_t value, uint64_t alignment) { return value & ~(alignment - 1); }
constexpr uint64_t align_up(uint64_t value, uint64_t alignment) { return (value + alignment - 1) & ~(alignment - 1); }

} // namespace freestanding
