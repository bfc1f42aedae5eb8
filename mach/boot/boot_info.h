// What the boot loader told the kernel, copied out of the Multiboot2
// information structure into fixed-size kernel storage, so that nothing
// points back into loader memory once it is parsed.
#pragma once

#include <stddef.h>
#include <stdint.h>
#include <vm/layout.h>

namespace kern {

enum class MemoryType : uint32_t {
    usable = 1,
    reserved = 2,
    acpi_reclaimable = 3,
    acpi_nvs = 4,
    bad = 5,
};

struct MemoryRegion {
    PhysAddr base;
    uint64_t length;
    MemoryType type;
};

// A file GRUB loaded next to the kernel (a `module2` line).
struct BootModule {
    PhysAddr start; // first byte
    PhysAddr end; // one past the last byte
    const char* cmdline; // the module's command line (points into BootInfo::string_pool)
};

enum class FramebufferType : uint8_t {
    indexed = 0,
    rgb = 1,
    ega_text = 2,
};

struct FramebufferInfo {
    PhysAddr address;
    uint32_t pitch; // bytes per row
    uint32_t width; // pixels (or text columns for ega_text)
    uint32_t height; // pixels (or text rows for ega_text)
    uint8_t bits_per_pixel;
    FramebufferType type;
    uint8_t red_position, red_size;
    uint8_t green_position, green_size;
    uint8_t blue_position, blue_size;
};

struct BootInfo {
    static constexpr size_t kMaxMemoryRegions = 128;
    static constexpr size_t kMaxModules = 64; // the servers, translators and test programs GRUB loads
    static constexpr size_t kStringPoolSize = 4096;

    const char* cmdline = ""; // kernel command line (in string_pool)
    const char* bootloader_name = ""; // (in string_pool)

    MemoryRegion memory[kMaxMemoryRegions];
    size_t memory_count = 0;

    BootModule modules[kMaxModules];
    size_t module_count = 0;

    bool has_framebuffer = false;
    FramebufferInfo framebuffer {};

    // A copy of the ACPI root pointer (RSDP) GRUB found: 20 bytes (ACPI 1)
    // or 36 (ACPI 2 and later); 0 if there was none.
    static constexpr size_t kMaxRsdpSize = 36;
    uint8_t acpi_rsdp[kMaxRsdpSize];
    size_t acpi_rsdp_size = 0;

    // Where the Multiboot2 information structure itself lies, so the frame
    // allocator can keep it until it is parsed.
    PhysAddr info_start = 0;
    PhysAddr info_end = 0;

    // Set when the boot information held more than fits here: memory
    // regions or modules past the limits above, or string bytes past the
    // pool, were dropped (the first ones are kept).
    bool truncated = false;

    char string_pool[kStringPoolSize];
    size_t string_pool_used = 0;
};

// What the boot loader handed the running kernel (valid after kernel_main
// has parsed it).
const BootInfo& boot_info();

} // namespace kern
