// Multiboot2 boot information parser. The structure comes from the boot
// loader, so it is read like any untrusted input: each tag's size is checked
// against what is left of total_size before the tag is looked at, and each
// field against the tag's own size before it is read.
#include <arch/x86_64/multiboot2.h>
#include <arch/x86_64/multiboot2_tags.h>
#include <freestanding/assert.h>

#ifndef PORTICO_HOST
#include <freestanding/string.h>
#else
#include <string.h>
#endif

namespace arch {
namespace {

using namespace multiboot2;
using kern::BootInfo;

// A bounds-checked view of some bytes of the information. Reads go through
// memcpy: the loader promises alignment, but corrupt input must not turn
// into misaligned loads.
class Bytes {
public:
    Bytes(const uint8_t* data, size_t size)
        : m_data(data)
        , m_size(size)
    {
    }

    size_t size() const { return m_size; }
    const uint8_t* data() const { return m_data; }

    template <typename T> T read(size_t offset) const
    {
        ASSERT(offset <= m_size && sizeof(T) <= m_size - offset);
        T value;
        memcpy(&value, m_data + offset, sizeof(T));
        return value;
    }

    Bytes slice(size_t offset, size_t size) const
    {
        ASSERT(offset <= m_size && size <= m_size - offset);
        return Bytes(m_data + offset, size);
    }

private:
    const uint8_t* m_data;
    size_t m_size;
};

void reset(BootInfo& out)
{
    out.cmdline = "";
    out.bootloader_name = "";
    out.memory_count = 0;
    out.module_count = 0;
    out.has_framebuffer = false;
    out.framebuffer = {};
    out.acpi_rsdp_size = 0;
    out.info_start = 0;
    out.info_end = 0;
    out.truncated = false;
    out.string_pool_used = 0;
}

// The length of the NUL-terminated string at `offset` in `tag`; an error if
// the tag ends before the NUL.
Result<size_t> string_length(Bytes tag, size_t offset)
{
    if (offset >= tag.size())
        return Error::invalid_argument;
    const uint8_t* text = tag.data() + offset;
    size_t limit = tag.size() - offset;
    for (size_t length = 0; length < limit; ++length) {
        if (text[length] == 0)
            return length;
    }
    return Error::invalid_argument;
}

// Copies a string into the pool, cutting it short if the pool is full.
const char* pool_string(BootInfo& out, const uint8_t* text, size_t length)
{
    size_t room = BootInfo::kStringPoolSize - out.string_pool_used;
    if (room == 0) {
        out.truncated = true;
        return "";
    }
    if (length > room - 1) {
        length = room - 1;
        out.truncated = true;
    }
    char* copy = out.string_pool + out.string_pool_used;
    memcpy(copy, text, length);
    copy[length] = '\0';
    out.string_pool_used += length + 1;
    return copy;
}

Result<const char*> read_string(BootInfo& out, Bytes tag, size_t offset)
{
    size_t length = TRY(string_length(tag, offset));
    return pool_string(out, tag.data() + offset, length);
}

Result<void> read_module(BootInfo& out, Bytes tag)
{
    if (tag.size() <= kModuleStringOffset)
        return Error::invalid_argument;
    PhysAddr start = tag.read<uint32_t>(kModuleStartOffset);
    PhysAddr end = tag.read<uint32_t>(kModuleEndOffset);
    if (end < start)
        return Error::invalid_argument;
    // Check the string even for a module that will be dropped.
    TRY(string_length(tag, kModuleStringOffset));
    if (out.module_count == BootInfo::kMaxModules) {
        out.truncated = true;
        return {};
    }
    const char* cmdline = TRY(read_string(out, tag, kModuleStringOffset));
    out.modules[out.module_count++] = { start, end, cmdline };
    return {};
}

kern::MemoryType memory_type(uint32_t type)
{
    switch (type) {
    case kMemoryAvailable: return kern::MemoryType::usable;
    case kMemoryAcpiReclaimable: return kern::MemoryType::acpi_reclaimable;
    case kMemoryAcpiNvs: return kern::MemoryType::acpi_nvs;
    case kMemoryBad: return kern::MemoryType::bad;
    default: return kern::MemoryType::reserved;
    }
}

// Entries may be larger than the 24 bytes known today (entry_size says by
// how much); bytes after the last whole entry are ignored.
Result<void> read_memory_map(BootInfo& out, Bytes tag)
{
    if (tag.size() < kMemoryMapEntriesOffset)
        return Error::invalid_argument;
    uint32_t entry_size = tag.read<uint32_t>(kMemoryMapEntrySizeOffset);
    if (entry_size < kMemoryMapEntryMinSize)
        return Error::invalid_argument;
    for (size_t offset = kMemoryMapEntriesOffset; tag.size() - offset >= entry_size; offset += entry_size) {
        Bytes entry = tag.slice(offset, entry_size);
        uint64_t base = entry.read<uint64_t>(kMemoryEntryBaseOffset);
        uint64_t length = entry.read<uint64_t>(kMemoryEntryLengthOffset);
        uint32_t type = entry.read<uint32_t>(kMemoryEntryTypeOffset);
        if (length == 0)
            continue;
        // A region may end exactly at 2^64, not beyond.
        if (length - 1 > UINT64_MAX - base)
            return Error::out_of_range;
        if (out.memory_count == BootInfo::kMaxMemoryRegions) {
            out.truncated = true;
            continue;
        }
        out.memory[out.memory_count++] = { base, length, memory_type(type) };
    }
    return {};
}

bool channel_fits(uint8_t position, uint8_t size, uint8_t bits_per_pixel)
{
    return size >= 1 && position + size <= bits_per_pixel;
}

// Whether a framebuffer's geometry is consistent enough for a console to
// trust pitch * height as its extent.
bool framebuffer_usable(const kern::FramebufferInfo& fb)
{
    if (fb.width == 0 || fb.height == 0 || fb.pitch == 0 || fb.bits_per_pixel == 0 || fb.bits_per_pixel > 32)
        return false;
    if (uint64_t(fb.width) * fb.bits_per_pixel > uint64_t(fb.pitch) * 8)
        return false;
    uint64_t extent = uint64_t(fb.pitch) * fb.height;
    if (fb.address == 0 || extent > UINT64_MAX - fb.address)
        return false;
    if (fb.type == kern::FramebufferType::rgb) {
        return channel_fits(fb.red_position, fb.red_size, fb.bits_per_pixel)
            && channel_fits(fb.green_position, fb.green_size, fb.bits_per_pixel)
            && channel_fits(fb.blue_position, fb.blue_size, fb.bits_per_pixel);
    }
    return true;
}

// A framebuffer of an unknown type or with nonsensical geometry is left out
// rather than failing the boot: the serial console still works without it.
Result<void> read_framebuffer(BootInfo& out, Bytes tag)
{
    if (tag.size() < kFramebufferCommonSize)
        return Error::invalid_argument;
    kern::FramebufferInfo fb {};
    fb.address = tag.read<uint64_t>(kFramebufferAddressOffset);
    fb.pitch = tag.read<uint32_t>(kFramebufferPitchOffset);
    fb.width = tag.read<uint32_t>(kFramebufferWidthOffset);
    fb.height = tag.read<uint32_t>(kFramebufferHeightOffset);
    fb.bits_per_pixel = tag.read<uint8_t>(kFramebufferBppOffset);
    uint8_t type = tag.read<uint8_t>(kFramebufferTypeOffset);
    switch (type) {
    case kFramebufferIndexed: fb.type = kern::FramebufferType::indexed; break;
    case kFramebufferEgaText: fb.type = kern::FramebufferType::ega_text; break;
    case kFramebufferRgb:
        if (tag.size() < kFramebufferRgbSize)
            return Error::invalid_argument;
        fb.type = kern::FramebufferType::rgb;
        fb.red_position = tag.read<uint8_t>(kFramebufferRgbOffset + 0);
        fb.red_size = tag.read<uint8_t>(kFramebufferRgbOffset + 1);
        fb.green_position = tag.read<uint8_t>(kFramebufferRgbOffset + 2);
        fb.green_size = tag.read<uint8_t>(kFramebufferRgbOffset + 3);
        fb.blue_position = tag.read<uint8_t>(kFramebufferRgbOffset + 4);
        fb.blue_size = tag.read<uint8_t>(kFramebufferRgbOffset + 5);
        break;
    default: return {};
    }
    if (!framebuffer_usable(fb))
        return {};
    out.framebuffer = fb;
    out.has_framebuffer = true;
    return {};
}

// The RSDP copy of an acpi_old or acpi_new tag; the newer one wins.
Result<void> read_acpi_rsdp(BootInfo& out, TagType type, Bytes tag)
{
    size_t size = tag.size() - kTagHeaderSize;
    if (size < kAcpiRsdpV1Size)
        return Error::invalid_argument;
    if (type == TagType::acpi_old && out.acpi_rsdp_size > kAcpiRsdpV1Size)
        return {};
    if (size > BootInfo::kMaxRsdpSize)
        size = BootInfo::kMaxRsdpSize;
    memcpy(out.acpi_rsdp, tag.data() + kTagHeaderSize, size);
    out.acpi_rsdp_size = size;
    return {};
}

Result<void> read_tag(BootInfo& out, TagType type, Bytes tag)
{
    switch (type) {
    case TagType::cmdline: out.cmdline = TRY(read_string(out, tag, kTagHeaderSize)); return {};
    case TagType::bootloader_name: out.bootloader_name = TRY(read_string(out, tag, kTagHeaderSize)); return {};
    case TagType::module: return read_module(out, tag);
    case TagType::memory_map: return read_memory_map(out, tag);
    case TagType::framebuffer: return read_framebuffer(out, tag);
    case TagType::acpi_old:
    case TagType::acpi_new: return read_acpi_rsdp(out, type, tag);
    default: return {}; // tags the kernel has no use for (yet)
    }
}

} // namespace

Result<void> parse_multiboot2(const void* info, PhysAddr info_phys, kern::BootInfo& out)
{
    reset(out);
    if (info == nullptr)
        return Error::invalid_argument;
    uint32_t total_size;
    memcpy(&total_size, info, sizeof(total_size));
    // Room for at least the header and the end tag.
    if (total_size < kInfoHeaderSize + kTagHeaderSize)
        return Error::invalid_argument;
    if (total_size > kMultiboot2MaxInfoSize || info_phys > UINT64_MAX - total_size)
        return Error::out_of_range;
    out.info_start = info_phys;
    out.info_end = info_phys + total_size;

    Bytes all(static_cast<const uint8_t*>(info), total_size);
    size_t offset = kInfoHeaderSize;
    for (;;) {
        // The list must end with an end tag inside total_size.
        if (offset > total_size || total_size - offset < kTagHeaderSize)
            return Error::invalid_argument;
        uint32_t type = all.read<uint32_t>(offset);
        uint32_t size = all.read<uint32_t>(offset + 4);
        if (size < kTagHeaderSize)
            return Error::invalid_argument;
        if (size > total_size - offset)
            return Error::out_of_range;
        if (static_cast<TagType>(type) == TagType::end)
            return {};
        TRY(read_tag(out, static_cast<TagType>(type), all.slice(offset, size)));
        offset += vm::align_up(size, kTagAlignment);
    }
}

} // namespace arch
