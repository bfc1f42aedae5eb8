#include <freestanding/elf_image.h>
#include <freestanding/string.h>

namespace freestanding {
namespace {

// The parts of <elf.h> this loader needs (neither the kernel nor lib/exec has libc headers).
struct Elf64Header {
    uint8_t ident[16];
    uint16_t type;
    uint16_t machine;
    uint32_t version;
    uint64_t entry;
    uint64_t phoff;
    uint64_t shoff;
    uint32_t flags;
    uint16_t ehsize;
    uint16_t phentsize;
    uint16_t phnum;
    uint16_t shentsize;
    uint16_t shnum;
    uint16_t shstrndx;
};
static_assert(sizeof(Elf64Header) == 64);

struct Elf64ProgramHeader {
    uint32_t type;
    uint32_t flags;
    uint64_t offset;
    uint64_t vaddr;
    uint64_t paddr;
    uint64_t filesz;
    uint64_t memsz;
    uint64_t align;
};
static_assert(sizeof(Elf64ProgramHeader) == 56);

constexpr uint8_t kElfMagic[4] = { 0x7f, 'E', 'L', 'F' };
constexpr uint8_t kClass64 = 2;
constexpr uint8_t kLittleEndian = 1;
constexpr uint16_t kTypeExecutable = 2;
constexpr uint16_t kMachineX86_64 = 62;
constexpr uint32_t kTypeLoad = 1;
constexpr uint32_t kTypeDynamic = 2;
constexpr uint32_t kTypeInterpreter = 3;
constexpr uint32_t kFlagExecute = 1;
constexpr uint32_t kFlagWrite = 2;
constexpr uint32_t kFlagRead = 4;
constexpr uint64_t kPageSize = 4096;

// [offset, offset + length) lies inside a buffer of `size` bytes.
bool fits(uint64_t offset, uint64_t length, uint64_t size) { return offset <= size && length <= size - offset; }

Result<void> check_header(const Elf64Header& header, size_t size)
{
    if (memcmp(header.ident, kElfMagic, sizeof(kElfMagic)) != 0 || header.ident[4] != kClass64
        || header.ident[5] != kLittleEndian || header.ident[6] != 1)
        return Error::invalid_argument;
    if (header.type != kTypeExecutable || header.machine != kMachineX86_64 || header.version != 1)
        return Error::invalid_argument;
    if (header.phentsize != sizeof(Elf64ProgramHeader) || header.phnum == 0)
        return Error::invalid_argument;
    if (!fits(header.phoff, uint64_t(header.phnum) * sizeof(Elf64ProgramHeader), size))
        return Error::invalid_argument;
    return {};
}

Result<ElfSegment> check_segment(const Elf64ProgramHeader& header, size_t size, uint64_t user_bottom, uint64_t user_top)
{
    if (header.filesz > header.memsz || !fits(header.offset, header.filesz, size))
        return Error::invalid_argument;
    if (header.vaddr < user_bottom || header.vaddr > user_top || header.memsz == 0
        || header.memsz > user_top - header.vaddr)
        return Error::invalid_argument;
    // The file offset and address must agree modulo the page size (mmap-style).
    if ((header.vaddr - header.offset) % kPageSize != 0)
        return Error::invalid_argument;
    return ElfSegment { header.vaddr, header.memsz, header.offset, header.filesz, (header.flags & kFlagRead) != 0,
        (header.flags & kFlagWrite) != 0, (header.flags & kFlagExecute) != 0 };
}

uint64_t page_start(uint64_t address) { return address & ~(kPageSize - 1); }
uint64_t page_end(uint64_t address, uint64_t size) { return (address + size + kPageSize - 1) & ~(kPageSize - 1); }

bool overlaps_pages(const ElfSegment& a, const ElfSegment& b)
{
    return page_start(a.address) < page_end(b.address, b.memory_size)
        && page_start(b.address) < page_end(a.address, a.memory_size);
}

// Where the program headers land: inside the loaded file bytes of some segment.
Result<uint64_t> program_headers_address(const ElfImage& image, uint64_t phoff, uint64_t length)
{
    for (size_t i = 0; i < image.segment_count; ++i) {
        const ElfSegment& segment = image.segments[i];
        if (phoff >= segment.file_offset && phoff - segment.file_offset <= segment.file_size
            && length <= segment.file_size - (phoff - segment.file_offset))
            return segment.address + (phoff - segment.file_offset);
    }
    return uint64_t(0); // not loaded: AT_PHDR 0 tells the program so
}

bool entry_is_executable(const ElfImage& image, uint64_t entry)
{
    for (size_t i = 0; i < image.segment_count; ++i) {
        const ElfSegment& segment = image.segments[i];
        if (segment.executable && entry >= segment.address && entry - segment.address < segment.memory_size)
            return true;
    }
    return false;
}

} // namespace

Result<ElfImage> parse_elf(const uint8_t* data, size_t size, uint64_t user_bottom, uint64_t user_top)
{
    if (!data || size < sizeof(Elf64Header))
        return Error::invalid_argument;
    Elf64Header header;
    memcpy(&header, data, sizeof(header)); // no alignment assumption about the module
    TRY(check_header(header, size));
    ElfImage image {};
    for (uint16_t i = 0; i < header.phnum; ++i) {
        Elf64ProgramHeader program_header;
        memcpy(&program_header, data + header.phoff + i * sizeof(program_header), sizeof(program_header));
        if (program_header.type == kTypeDynamic || program_header.type == kTypeInterpreter)
            return Error::not_supported; // static executables only
        if (program_header.type != kTypeLoad)
            continue;
        if (image.segment_count == kMaxElfSegments)
            return Error::invalid_argument;
        ElfSegment segment = TRY(check_segment(program_header, size, user_bottom, user_top));
        for (size_t j = 0; j < image.segment_count; ++j) {
            if (overlaps_pages(segment, image.segments[j]))
                return Error::invalid_argument;
        }
        image.segments[image.segment_count++] = segment;
    }
    if (image.segment_count == 0 || !entry_is_executable(image, header.entry))
        return Error::invalid_argument;
    image.entry = header.entry;
    image.program_header_size = header.phentsize;
    image.program_header_count = header.phnum;
    image.program_headers_address
        = TRY(program_headers_address(image, header.phoff, uint64_t(header.phnum) * header.phentsize));
    return image;
}

} // namespace freestanding
