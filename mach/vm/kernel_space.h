// The kernel's own address space: the direct map of physical memory, the
// kernel image mapped section by section with the rights each needs, and
// device memory mapped on request. Built once at boot, shared by every task
// (the upper half of each address space).
//
// Boot order: kernel_main calls init_kernel_memory() after reading the boot
// information; it sets up the frame allocator, switches to the kernel's page
// tables and starts the slab caches and the heap.
#pragma once

#include <boot/boot_info.h>
#include <freestanding/result.h>
#include <vm/layout.h>

namespace vm {

class PageTable;
enum class PageFlags : uint32_t;

// Sets up physical memory management and the kernel's page tables from the
// boot information, then switches to them (the boot loader's identity map
// is gone afterwards).
Result<void> init_kernel_memory(const kern::BootInfo& boot_info);

// Maps `length` bytes of device memory (registers, a framebuffer) at
// physical `base`, uncached, and returns where the kernel can reach them.
Result<void*> map_device_memory(PhysAddr base, size_t length);

// `flags` without no_execute when this CPU lacks NX (the bit is reserved there).
PageFlags supported_page_flags(PageFlags flags);

// The kernel's page tables (valid after init_kernel_memory).
PageTable& kernel_page_table();

} // namespace vm
