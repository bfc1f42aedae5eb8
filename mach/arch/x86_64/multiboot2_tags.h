// The numbers and fixed layouts of the Multiboot2 boot information, as the
// Multiboot2 specification (version 2.0) defines them. Only what
// parse_multiboot2() reads is spelled out; other tags are skipped by size.
#pragma once

#include <stddef.h>
#include <stdint.h>

namespace arch::multiboot2 {

// Tag types of the boot information (the `type` field of each tag).
enum class TagType : uint32_t {
    end = 0,
    cmdline = 1,
    bootloader_name = 2,
    module = 3,
    basic_meminfo = 4,
    bootdev = 5,
    memory_map = 6,
    vbe = 7,
    framebuffer = 8,
    elf_sections = 9,
    apm = 10,
    efi32 = 11,
    efi64 = 12,
    smbios = 13,
    acpi_old = 14,
    acpi_new = 15,
    network = 16,
    efi_memory_map = 17,
    efi_boot_services = 18,
    efi32_image_handle = 19,
    efi64_image_handle = 20,
    load_base_address = 21,
};

// The information starts with u32 total_size, u32 reserved.
constexpr size_t kInfoHeaderSize = 8;
// Every tag starts with u32 type, u32 size (size counts this header), and
// the next tag starts at the following 8-byte boundary.
constexpr size_t kTagHeaderSize = 8;
constexpr size_t kTagAlignment = 8;

// Module tag: header, u32 mod_start, u32 mod_end, then the string.
constexpr size_t kModuleStartOffset = 8;
constexpr size_t kModuleEndOffset = 12;
constexpr size_t kModuleStringOffset = 16;

// Memory map tag: header, u32 entry_size, u32 entry_version, then entries
// of entry_size bytes, each u64 base, u64 length, u32 type, u32 reserved.
constexpr size_t kMemoryMapEntrySizeOffset = 8;
constexpr size_t kMemoryMapEntriesOffset = 16;
constexpr size_t kMemoryMapEntryMinSize = 24;
constexpr size_t kMemoryEntryBaseOffset = 0;
constexpr size_t kMemoryEntryLengthOffset = 8;
constexpr size_t kMemoryEntryTypeOffset = 16;

// Framebuffer tag: header, u64 address, u32 pitch, u32 width, u32 height,
// u8 bpp, u8 type, u16 reserved (the common part), then for RGB type six
// u8: red position, red size, green position, green size, blue position,
// blue size.
constexpr size_t kFramebufferAddressOffset = 8;
constexpr size_t kFramebufferPitchOffset = 16;
constexpr size_t kFramebufferWidthOffset = 20;
constexpr size_t kFramebufferHeightOffset = 24;
constexpr size_t kFramebufferBppOffset = 28;
constexpr size_t kFramebufferTypeOffset = 29;
constexpr size_t kFramebufferCommonSize = 32;
constexpr size_t kFramebufferRgbOffset = 32;
constexpr size_t kFramebufferRgbSize = kFramebufferRgbOffset + 6;

// Memory map entry types; any other value means reserved.
// ACPI tags (acpi_old, acpi_new) hold a copy of the RSDP after the header.
constexpr size_t kAcpiRsdpV1Size = 20;

constexpr uint32_t kMemoryAvailable = 1;
constexpr uint32_t kMemoryAcpiReclaimable = 3;
constexpr uint32_t kMemoryAcpiNvs = 4;
constexpr uint32_t kMemoryBad = 5;

// Framebuffer types.
constexpr uint8_t kFramebufferIndexed = 0;
constexpr uint8_t kFramebufferRgb = 1;
constexpr uint8_t kFramebufferEgaText = 2;

} // namespace arch::multiboot2
