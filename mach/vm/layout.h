// The kernel's view of the x86-64 address space: where the kernel image,
// the direct map of physical memory and kernel-only regions live.
#pragma once

#include <freestanding/page.h>
#include <mach/user_layout.h>
#include <stddef.h>
#include <stdint.h>

using PhysAddr = uint64_t;
using VirtAddr = uint64_t;

namespace vm {

using freestanding::kPageShift;
using freestanding::kPageSize;
constexpr size_t kLargePageSize = 2 * 1024 * 1024;

// The kernel image is linked here (-mcmodel=kernel: the top 2 GiB) and
// loaded by GRUB at physical kKernelLoadAddress.
constexpr VirtAddr kKernelBase = 0xffffffff80000000ull;
constexpr PhysAddr kKernelLoadAddress = 0x200000;

// All physical memory is mapped at this offset (the "direct map"), so the
// kernel reaches any frame as kDirectMapBase + physical address.
constexpr VirtAddr kDirectMapBase = 0xffff800000000000ull;

// User space is the lower half.
constexpr VirtAddr kUserTop = mach::kUserTop;

using freestanding::align_down;
using freestanding::align_up;

} // namespace vm
