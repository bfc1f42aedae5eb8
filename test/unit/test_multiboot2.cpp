// The Multiboot2 parser over synthetic boot information. Each buffer is
// copied into a heap block of exactly total_size bytes, so that ASan reports
// any read past the end.
#include <arch/x86_64/multiboot2.h>
#include <arch/x86_64/multiboot2_tags.h>
#include <catch.hpp>

#include <cstring>
#include <memory>
#include <random>
#include <string>
#include <vector>

using kern::BootInfo;
using kern::FramebufferType;
using kern::MemoryType;

namespace {

constexpr PhysAddr kInfoPhys = 0x10000;

// Appends little-endian fields to a byte vector.
class Bytes {
public:
    Bytes& u8(uint8_t v)
    {
        m_data.push_back(v);
        return *this;
    }
    Bytes& u16(uint16_t v) { return u8(v & 0xff).u8(v >> 8); }
    Bytes& u32(uint32_t v) { return u16(v & 0xffff).u16(v >> 16); }
    Bytes& u64(uint64_t v) { return u32(uint32_t(v)).u32(uint32_t(v >> 32)); }
    Bytes& str(const std::string& s)
    {
        m_data.insert(m_data.end(), s.begin(), s.end());
        return *this;
    }
    Bytes& cstr(const std::string& s) { return str(s).u8(0); }
    const std::vector<uint8_t>& data() const { return m_data; }

private:
    std::vector<uint8_t> m_data;
};

// Builds a boot information structure tag by tag.
class InfoBuilder {
public:
    InfoBuilder() { m_bytes.resize(8); }

    // A tag whose size field is the real size (header + payload).
    InfoBuilder& tag(uint32_t type, const Bytes& payload)
    {
        return tag_with_size(type, payload, 8 + payload.data().size());
    }

    // A tag whose size field says `size`, whatever the payload really is.
    InfoBuilder& tag_with_size(uint32_t type, const Bytes& payload, uint32_t size)
    {
        Bytes header;
        header.u32(type).u32(size);
        append(header.data());
        append(payload.data());
        pad();
        return *this;
    }

    InfoBuilder& raw(const Bytes& bytes)
    {
        append(bytes.data());
        return *this;
    }

    // The finished structure, with an end tag and total_size filled in.
    std::vector<uint8_t> finish(bool end_tag = true)
    {
        if (end_tag)
            tag(0, Bytes());
        std::vector<uint8_t> result = m_bytes;
        uint32_t total = uint32_t(result.size());
        std::memcpy(result.data(), &total, 4);
        return result;
    }

private:
    void append(const std::vector<uint8_t>& bytes) { m_bytes.insert(m_bytes.end(), bytes.begin(), bytes.end()); }
    void pad()
    {
        while (m_bytes.size() % 8)
            m_bytes.push_back(0);
    }

    std::vector<uint8_t> m_bytes;
};

Bytes string_payload(const std::string& s) { return Bytes().cstr(s); }

Bytes module_payload(uint32_t start, uint32_t end, const std::string& cmdline)
{
    return Bytes().u32(start).u32(end).cstr(cmdline);
}

struct Region {
    uint64_t base, length;
    uint32_t type;
};

Bytes memory_map_payload(const std::vector<Region>& regions, uint32_t entry_size = 24)
{
    Bytes b;
    b.u32(entry_size).u32(0);
    for (const Region& r : regions) {
        b.u64(r.base).u64(r.length).u32(r.type).u32(0);
        for (uint32_t i = 24; i < entry_size; ++i)
            b.u8(0xee);
    }
    return b;
}

Bytes rgb_framebuffer_payload(uint64_t address = 0xfd000000, uint32_t pitch = 4096, uint32_t width = 1024,
    uint32_t height = 768, uint8_t bpp = 32)
{
    Bytes b;
    b.u64(address).u32(pitch).u32(width).u32(height).u8(bpp).u8(1).u16(0);
    b.u8(16).u8(8).u8(8).u8(8).u8(0).u8(8);
    return b;
}

// Parses `bytes` from a heap block of exactly their size.
Result<void> parse(const std::vector<uint8_t>& bytes, BootInfo& out)
{
    std::unique_ptr<uint8_t[]> exact(new uint8_t[bytes.size()]);
    std::memcpy(exact.get(), bytes.data(), bytes.size());
    return arch::parse_multiboot2(exact.get(), kInfoPhys, out);
}

Error parse_error(const std::vector<uint8_t>& bytes)
{
    auto out = std::make_unique<BootInfo>();
    return parse(bytes, *out).error();
}

std::vector<uint8_t> well_formed()
{
    std::vector<Region> regions = {
        { 0x0, 0x9fc00, 1 },
        { 0x9fc00, 0x400, 2 },
        { 0xf0000, 0x10000, 2 },
        { 0x100000, 0x7ee0000, 1 },
        { 0x7fe0000, 0x20000, 3 },
        { 0xfffc0000, 0x40000, 4 },
    };
    return InfoBuilder()
        .tag(1, string_payload("test=all root=\"/dev/hd0\""))
        .tag(2, string_payload("GRUB 2.06"))
        .tag(3, module_payload(0x400000, 0x401234, "/boot/portico/startup --verbose"))
        .tag(4, Bytes().u32(639).u32(130048)) // basic meminfo: not used, skipped
        .tag(3, module_payload(0x402000, 0x402000, "/boot/portico/empty"))
        .tag(6, memory_map_payload(regions))
        .tag(8, rgb_framebuffer_payload())
        .tag(21, Bytes().u32(0x200000)) // load base address: skipped
        .finish();
}

} // namespace

TEST_CASE("multiboot2: a well-formed structure is read completely", "[multiboot2]")
{
    std::vector<uint8_t> bytes = well_formed();
    auto info = std::make_unique<BootInfo>();
    REQUIRE(parse(bytes, *info).ok());

    CHECK(std::string(info->cmdline) == "test=all root=\"/dev/hd0\"");
    CHECK(std::string(info->bootloader_name) == "GRUB 2.06");
    CHECK(info->info_start == kInfoPhys);
    CHECK(info->info_end == kInfoPhys + bytes.size());
    CHECK_FALSE(info->truncated);

    REQUIRE(info->module_count == 2);
    CHECK(info->modules[0].start == 0x400000);
    CHECK(info->modules[0].end == 0x401234);
    CHECK(std::string(info->modules[0].cmdline) == "/boot/portico/startup --verbose");
    CHECK(info->modules[1].start == 0x402000);
    CHECK(info->modules[1].end == 0x402000);
    CHECK(std::string(info->modules[1].cmdline) == "/boot/portico/empty");

    REQUIRE(info->memory_count == 6);
    CHECK(info->memory[0].base == 0);
    CHECK(info->memory[0].length == 0x9fc00);
    CHECK(info->memory[0].type == MemoryType::usable);
    CHECK(info->memory[1].type == MemoryType::reserved);
    CHECK(info->memory[3].base == 0x100000);
    CHECK(info->memory[3].length == 0x7ee0000);
    CHECK(info->memory[3].type == MemoryType::usable);
    CHECK(info->memory[4].type == MemoryType::acpi_reclaimable);
    CHECK(info->memory[5].base == 0xfffc0000);
    CHECK(info->memory[5].type == MemoryType::acpi_nvs);

    REQUIRE(info->has_framebuffer);
    const kern::FramebufferInfo& fb = info->framebuffer;
    CHECK(fb.address == 0xfd000000);
    CHECK(fb.pitch == 4096);
    CHECK(fb.width == 1024);
    CHECK(fb.height == 768);
    CHECK(fb.bits_per_pixel == 32);
    CHECK(fb.type == FramebufferType::rgb);
    CHECK(fb.red_position == 16);
    CHECK(fb.red_size == 8);
    CHECK(fb.green_position == 8);
    CHECK(fb.green_size == 8);
    CHECK(fb.blue_position == 0);
    CHECK(fb.blue_size == 8);

    // Every string lies in the pool.
    for (const char* s : { info->cmdline, info->bootloader_name, info->modules[0].cmdline }) {
        CHECK(s >= info->string_pool);
        CHECK(s + std::strlen(s) < info->string_pool + info->string_pool_used);
    }
}

TEST_CASE("multiboot2: a reused BootInfo starts afresh", "[multiboot2]")
{
    auto info = std::make_unique<BootInfo>();
    REQUIRE(parse(well_formed(), *info).ok());
    REQUIRE(parse(InfoBuilder().finish(), *info).ok());
    CHECK(info->memory_count == 0);
    CHECK(info->module_count == 0);
    CHECK_FALSE(info->has_framebuffer);
    CHECK(std::string(info->cmdline).empty());
    CHECK(std::string(info->bootloader_name).empty());
    CHECK(info->string_pool_used == 0);
}

TEST_CASE("multiboot2: memory map details", "[multiboot2]")
{
    auto info = std::make_unique<BootInfo>();

    SECTION("larger entries are stepped over by entry_size")
    {
        auto bytes
            = InfoBuilder().tag(6, memory_map_payload({ { 0x1000, 0x2000, 1 }, { 0x5000, 0x1000, 5 } }, 32)).finish();
        REQUIRE(parse(bytes, *info).ok());
        REQUIRE(info->memory_count == 2);
        CHECK(info->memory[1].base == 0x5000);
        CHECK(info->memory[1].type == MemoryType::bad);
    }
    SECTION("unknown types are reserved, empty regions are skipped")
    {
        auto bytes = InfoBuilder().tag(6, memory_map_payload({ { 0x1000, 0, 1 }, { 0x5000, 0x1000, 77 } })).finish();
        REQUIRE(parse(bytes, *info).ok());
        REQUIRE(info->memory_count == 1);
        CHECK(info->memory[0].type == MemoryType::reserved);
    }
    SECTION("a region may end exactly at 2^64")
    {
        auto bytes = InfoBuilder().tag(6, memory_map_payload({ { ~0ull - 0xfff, 0x1000, 2 } })).finish();
        REQUIRE(parse(bytes, *info).ok());
        CHECK(info->memory_count == 1);
    }
    SECTION("a region past 2^64 is an error")
    {
        auto bytes = InfoBuilder().tag(6, memory_map_payload({ { ~0ull - 0xfff, 0x1001, 2 } })).finish();
        CHECK(parse(bytes, *info).error() == Error::out_of_range);
    }
}

TEST_CASE("multiboot2: an EGA text framebuffer", "[multiboot2]")
{
    Bytes payload;
    payload.u64(0xb8000).u32(160).u32(80).u32(25).u8(16).u8(2).u16(0);
    auto info = std::make_unique<BootInfo>();
    REQUIRE(parse(InfoBuilder().tag(8, payload).finish(), *info).ok());
    REQUIRE(info->has_framebuffer);
    CHECK(info->framebuffer.type == FramebufferType::ega_text);
    CHECK(info->framebuffer.address == 0xb8000);
    CHECK(info->framebuffer.width == 80);
    CHECK(info->framebuffer.height == 25);
}

TEST_CASE("multiboot2: unusable framebuffers are left out, not fatal", "[multiboot2]")
{
    auto info = std::make_unique<BootInfo>();
    SECTION("pitch too small for the width")
    {
        REQUIRE(
            parse(InfoBuilder().tag(8, rgb_framebuffer_payload(0xfd000000, 1000, 1024, 768, 32)).finish(), *info).ok());
    }
    SECTION("zero height")
    {
        REQUIRE(
            parse(InfoBuilder().tag(8, rgb_framebuffer_payload(0xfd000000, 4096, 1024, 0, 32)).finish(), *info).ok());
    }
    SECTION("extent past 2^64")
    {
        REQUIRE(parse(InfoBuilder().tag(8, rgb_framebuffer_payload(~0ull - 4096, 4096, 1024, 768, 32)).finish(), *info)
                    .ok());
    }
    SECTION("unknown type")
    {
        Bytes payload;
        payload.u64(0xfd000000).u32(4096).u32(1024).u32(768).u8(32).u8(9).u16(0);
        REQUIRE(parse(InfoBuilder().tag(8, payload).finish(), *info).ok());
    }
    CHECK_FALSE(info->has_framebuffer);
}

TEST_CASE("multiboot2: too many regions or modules keep the first ones", "[multiboot2]")
{
    auto info = std::make_unique<BootInfo>();
    SECTION("memory regions")
    {
        std::vector<Region> regions;
        for (uint64_t i = 0; i < BootInfo::kMaxMemoryRegions + 20; ++i)
            regions.push_back({ i * 0x10000, 0x1000, 1 });
        REQUIRE(parse(InfoBuilder().tag(6, memory_map_payload(regions)).finish(), *info).ok());
        CHECK(info->memory_count == BootInfo::kMaxMemoryRegions);
        CHECK(info->memory[BootInfo::kMaxMemoryRegions - 1].base == (BootInfo::kMaxMemoryRegions - 1) * 0x10000);
        CHECK(info->truncated);
    }
    SECTION("modules")
    {
        InfoBuilder builder;
        for (uint32_t i = 0; i < BootInfo::kMaxModules + 5; ++i)
            builder.tag(3, module_payload(i * 0x1000, i * 0x1000 + 10, "m" + std::to_string(i)));
        REQUIRE(parse(builder.finish(), *info).ok());
        CHECK(info->module_count == BootInfo::kMaxModules);
        CHECK(std::string(info->modules[BootInfo::kMaxModules - 1].cmdline)
            == "m" + std::to_string(BootInfo::kMaxModules - 1));
        CHECK(info->truncated);
    }
    SECTION("strings beyond the pool are cut, still terminated")
    {
        std::string long_name(1000, 'x');
        InfoBuilder builder;
        for (uint32_t i = 0; i < 6; ++i)
            builder.tag(3, module_payload(0, 0, long_name));
        builder.tag(1, string_payload("late"));
        REQUIRE(parse(builder.finish(), *info).ok());
        CHECK(info->truncated);
        CHECK(info->module_count == 6);
        CHECK(info->string_pool_used <= BootInfo::kStringPoolSize);
        CHECK(std::string(info->modules[0].cmdline) == long_name);
        CHECK(std::strlen(info->modules[4].cmdline) < 1000); // 4 * 1001 + part of the fifth fits
        CHECK(std::string(info->modules[5].cmdline).empty());
        CHECK(std::string(info->cmdline).empty());
    }
}

TEST_CASE("multiboot2: corrupt structures are errors", "[multiboot2]")
{
    using arch::kMultiboot2MaxInfoSize;

    SECTION("no buffer")
    {
        auto info = std::make_unique<BootInfo>();
        CHECK(arch::parse_multiboot2(nullptr, kInfoPhys, *info).error() == Error::invalid_argument);
    }
    SECTION("total_size too small for the header and an end tag")
    {
        for (uint32_t size : { 8u, 12u, 15u }) {
            std::vector<uint8_t> bytes(size, 0);
            std::memcpy(bytes.data(), &size, 4);
            CHECK(parse_error(bytes) == Error::invalid_argument);
        }
    }
    SECTION("total_size absurdly large")
    {
        std::vector<uint8_t> bytes = InfoBuilder().finish();
        uint32_t huge = kMultiboot2MaxInfoSize + 8;
        std::memcpy(bytes.data(), &huge, 4);
        auto info = std::make_unique<BootInfo>();
        // Only the first word may be read: the buffer is 16 bytes.
        CHECK(parse(bytes, *info).error() == Error::out_of_range);
    }
    SECTION("a tag smaller than its header")
    {
        for (uint32_t size : { 0u, 4u, 7u })
            CHECK(parse_error(InfoBuilder().tag_with_size(1, Bytes().u32(0).u32(0), size).finish())
                == Error::invalid_argument);
    }
    SECTION("an end tag smaller than its header")
    {
        CHECK(parse_error(InfoBuilder().tag_with_size(0, Bytes(), 4).finish(false)) == Error::invalid_argument);
    }
    SECTION("a tag overrunning total_size")
    {
        CHECK(parse_error(InfoBuilder().tag_with_size(1, string_payload("abc"), 200).finish()) == Error::out_of_range);
        CHECK(parse_error(InfoBuilder().tag_with_size(77, Bytes(), 0xffffffff).finish()) == Error::out_of_range);
    }
    SECTION("no end tag")
    {
        CHECK(parse_error(InfoBuilder().tag(1, string_payload("abc")).finish(false)) == Error::invalid_argument);
        CHECK(parse_error(InfoBuilder().finish(false)) == Error::invalid_argument);
    }
    SECTION("total_size cutting into the last tag's padding")
    {
        // A 13-byte cmdline tag ends at 21; total 21 leaves no room for an end tag.
        std::vector<uint8_t> bytes = InfoBuilder().tag(1, Bytes().cstr("abcd")).finish(false);
        bytes.resize(21);
        uint32_t total = 21;
        std::memcpy(bytes.data(), &total, 4);
        CHECK(parse_error(bytes) == Error::invalid_argument);
    }
    SECTION("unterminated strings")
    {
        CHECK(parse_error(InfoBuilder().tag(1, Bytes().str("no end")).finish()) == Error::invalid_argument);
        CHECK(parse_error(InfoBuilder().tag(2, Bytes().str("GRUB")).finish()) == Error::invalid_argument);
        CHECK(parse_error(InfoBuilder().tag(1, Bytes()).finish()) == Error::invalid_argument);
        CHECK(parse_error(InfoBuilder().tag(3, Bytes().u32(0).u32(16).str("mod")).finish()) == Error::invalid_argument);
        CHECK(parse_error(InfoBuilder().tag(3, Bytes().u32(0).u32(16)).finish()) == Error::invalid_argument);
    }
    SECTION("a string whose NUL lies only in the padding after its tag")
    {
        // The tag says 11 bytes ("abc" unterminated); the padding byte after it is 0.
        CHECK(parse_error(InfoBuilder().tag_with_size(1, Bytes().str("abc"), 11).finish()) == Error::invalid_argument);
    }
    SECTION("truncated module tag")
    {
        CHECK(parse_error(InfoBuilder().tag(3, Bytes().u32(0)).finish()) == Error::invalid_argument);
    }
    SECTION("module ending before it starts")
    {
        CHECK(
            parse_error(InfoBuilder().tag(3, module_payload(0x2000, 0x1000, "m")).finish()) == Error::invalid_argument);
    }
    SECTION("memory map entry_size below 24")
    {
        for (uint32_t entry_size : { 0u, 8u, 16u, 23u }) {
            Bytes payload;
            payload.u32(entry_size).u32(0).u64(0).u64(0x1000).u32(1).u32(0);
            CHECK(parse_error(InfoBuilder().tag(6, payload).finish()) == Error::invalid_argument);
        }
    }
    SECTION("memory map tag without its header fields")
    {
        CHECK(parse_error(InfoBuilder().tag(6, Bytes().u32(24)).finish()) == Error::invalid_argument);
    }
    SECTION("memory map entries overrunning the tag are not read")
    {
        // The tag claims 16 + 20 bytes: not even one whole entry.
        Bytes payload;
        payload.u32(24).u32(0).u64(0).u64(0x1000).u32(1);
        auto info = std::make_unique<BootInfo>();
        REQUIRE(parse(InfoBuilder().tag(6, payload).finish(), *info).ok());
        CHECK(info->memory_count == 0);
    }
    SECTION("framebuffer tags too short")
    {
        Bytes common;
        common.u64(0xfd000000).u32(4096).u32(1024).u32(768).u8(32).u8(1).u16(0);
        CHECK(parse_error(InfoBuilder().tag(8, common).finish()) == Error::invalid_argument); // RGB without colours
        CHECK(parse_error(InfoBuilder().tag(8, Bytes().u64(0xfd000000).u32(4096)).finish()) == Error::invalid_argument);
    }
}

TEST_CASE("multiboot2: every shortened copy is rejected or read without overrun", "[multiboot2]")
{
    std::vector<uint8_t> bytes = well_formed();
    auto info = std::make_unique<BootInfo>();
    for (uint32_t size = 4; size < bytes.size(); ++size) {
        std::vector<uint8_t> cut(bytes.begin(), bytes.begin() + size);
        std::memcpy(cut.data(), &size, 4);
        INFO("size " << size);
        CHECK_FALSE(parse(cut, *info).ok());
    }
}

TEST_CASE("multiboot2: random corruption never reads out of bounds", "[multiboot2]")
{
    std::vector<uint8_t> original = well_formed();
    std::mt19937 random(12345);
    auto info = std::make_unique<BootInfo>();
    for (int round = 0; round < 20000; ++round) {
        std::vector<uint8_t> bytes = original;
        int flips = 1 + int(random() % 4);
        for (int i = 0; i < flips; ++i) {
            size_t at = 8 + random() % (bytes.size() - 8); // keep total_size honest
            bytes[at] = uint8_t(random() % 3 == 0 ? random() : bytes[at] ^ (1u << (random() % 8)));
        }
        Result<void> result = parse(bytes, *info);
        if (result.ok()) {
            // Whatever was accepted is internally consistent.
            CHECK(info->memory_count <= BootInfo::kMaxMemoryRegions);
            CHECK(info->module_count <= BootInfo::kMaxModules);
            CHECK(info->string_pool_used <= BootInfo::kStringPoolSize);
            for (size_t i = 0; i < info->module_count; ++i)
                CHECK(info->modules[i].start <= info->modules[i].end);
        } else {
            CHECK((result.error() == Error::invalid_argument || result.error() == Error::out_of_range));
        }
    }
}

TEST_CASE("multiboot2: the boot magic", "[multiboot2]") { STATIC_REQUIRE(arch::kMultiboot2BootMagic == 0x36d76289); }

TEST_CASE("multiboot2: the ACPI root pointer is copied, the newer one preferred", "[multiboot2]")
{
    kern::BootInfo info;
    Bytes v1;
    for (int i = 0; i < 20; i++)
        v1.u8(uint8_t(i));
    Bytes v2;
    for (int i = 0; i < 36; i++)
        v2.u8(uint8_t(100 + i));
    std::vector<uint8_t> both = InfoBuilder().tag(15, v2).tag(14, v1).finish();
    REQUIRE(arch::parse_multiboot2(both.data(), 0x10000, info).ok());
    CHECK(info.acpi_rsdp_size == 36);
    CHECK(info.acpi_rsdp[0] == 100);
    CHECK(info.acpi_rsdp[35] == 135);
    std::vector<uint8_t> old_only = InfoBuilder().tag(14, v1).finish();
    REQUIRE(arch::parse_multiboot2(old_only.data(), 0x10000, info).ok());
    CHECK(info.acpi_rsdp_size == 20);
    CHECK(info.acpi_rsdp[19] == 19);
    std::vector<uint8_t> short_one = InfoBuilder().tag(14, Bytes().u32(1)).finish();
    CHECK(!arch::parse_multiboot2(short_one.data(), 0x10000, info).ok());
}
