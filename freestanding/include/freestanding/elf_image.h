// Reading a static ELF64 executable (ET_EXEC, x86-64) from memory: the
// header and program headers are checked field by field before anything is
// loaded, so a corrupt file gives an error, never a wild access. Pure logic
// (no hardware): host unit tests cover it.
#pragma once

#include <freestanding/result.h>
#include <stddef.h>
#include <stdint.h>

namespace freestanding {

constexpr size_t kMaxElfSegments = 16;

// A PT_LOAD segment: file bytes [file_offset, +file_size) go to `address`,
// the rest up to memory_size is zero.
struct ElfSegment {
    uint64_t address;
    uint64_t memory_size;
    uint64_t file_offset;
    uint64_t file_size;
    bool readable, writable, executable;
};

struct ElfImage {
    uint64_t entry;
    uint64_t program_headers_address; // where the program headers are once loaded (AT_PHDR)
    uint16_t program_header_size; // AT_PHENT
    uint16_t program_header_count; // AT_PHNUM
    ElfSegment segments[kMaxElfSegments];
    size_t segment_count;
};

// Checks `data` (size bytes) as a static x86-64 executable whose segments
// lie in user space [user_bottom, user_top) without overlapping pages, and
// describes it. invalid_argument for anything malformed or unsupported.
Result<ElfImage> parse_elf(const uint8_t* data, size_t size, uint64_t user_bottom, uint64_t user_top);

} // namespace freestanding
