// Reading the Multiboot2 boot information that GRUB hands the kernel (a
// pointer in ebx, the magic below in eax) into kern::BootInfo. The
// information is treated as untrusted input: every size is checked against
// total_size before anything is read. (The Multiboot2 *header*, the kernel's
// request to the loader, lives in boot.S.)
#pragma once

#include <boot/boot_info.h>
#include <freestanding/result.h>
#include <stdint.h>
#include <vm/layout.h>

namespace arch {

// The value a Multiboot2 loader leaves in eax when it enters the kernel.
constexpr uint32_t kMultiboot2BootMagic = 0x36d76289;

// The largest boot information accepted; GRUB's is a few KiB (EFI memory
// maps included), so anything bigger is corrupt.
constexpr uint32_t kMultiboot2MaxInfoSize = 1024 * 1024;

// Parses the boot information mapped at `info` (physical `info_phys`) into
// `out`, copying strings into out.string_pool. Too many memory regions or
// modules, or strings beyond the pool, keep what fits and set out.truncated.
// Malformed input gives invalid_argument or out_of_range, with `out` then
// holding what was read so far; no byte past total_size is ever read.
Result<void> parse_multiboot2(const void* info, PhysAddr info_phys, kern::BootInfo& out);

} // namespace arch
