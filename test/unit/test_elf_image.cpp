#include <catch.hpp>
#include <freestanding/elf_image.h>

#include <cstring>
#include <elf.h>
#include <random>
#include <vector>

using freestanding::ElfImage;
using freestanding::parse_elf;

namespace {

constexpr uint64_t kUserBottom = 0x10000;
constexpr uint64_t kUserTop = 0x7fff00000000;

// A minimal executable: header, program headers, then one text and one data segment.
struct Builder {
    std::vector<uint8_t> bytes = std::vector<uint8_t>(0x3000, 0);
    Elf64_Ehdr& header() { return *reinterpret_cast<Elf64_Ehdr*>(bytes.data()); }
    Elf64_Phdr& program_header(size_t i) { return *reinterpret_cast<Elf64_Phdr*>(bytes.data() + 64 + 56 * i); }

    Builder()
    {
        Elf64_Ehdr& h = header();
        std::memcpy(h.e_ident, ELFMAG, SELFMAG);
        h.e_ident[EI_CLASS] = ELFCLASS64;
        h.e_ident[EI_DATA] = ELFDATA2LSB;
        h.e_ident[EI_VERSION] = EV_CURRENT;
        h.e_type = ET_EXEC;
        h.e_machine = EM_X86_64;
        h.e_version = EV_CURRENT;
        h.e_entry = 0x401000;
        h.e_phoff = 64;
        h.e_phentsize = sizeof(Elf64_Phdr);
        h.e_phnum = 2;
        program_header(0) = { PT_LOAD, PF_R | PF_X, 0, 0x400000, 0x400000, 0x2000, 0x2000, 0x1000 };
        program_header(1) = { PT_LOAD, PF_R | PF_W, 0x2000, 0x402000, 0x402000, 0x800, 0x3000, 0x1000 };
    }

    Result<ElfImage> parse() const { return parse_elf(bytes.data(), bytes.size(), kUserBottom, kUserTop); }
};

} // namespace

TEST_CASE("elf: a well-formed static executable is described", "[elf]")
{
    Builder builder;
    auto image = builder.parse();
    REQUIRE(image.ok());
    CHECK(image.value().entry == 0x401000);
    REQUIRE(image.value().segment_count == 2);
    CHECK(image.value().segments[0].executable);
    CHECK_FALSE(image.value().segments[0].writable);
    CHECK(image.value().segments[1].writable);
    CHECK(image.value().segments[1].memory_size == 0x3000);
    CHECK(image.value().segments[1].file_size == 0x800);
    CHECK(image.value().program_headers_address == 0x400040);
    CHECK(image.value().program_header_count == 2);
    CHECK(image.value().program_header_size == 56);
}

TEST_CASE("elf: every malformed field is refused", "[elf]")
{
    using Mutation = void (*)(Builder&);
    const Mutation mutations[] = {
        [](Builder& b) { b.header().e_ident[0] = 0; },
        [](Builder& b) { b.header().e_ident[EI_CLASS] = ELFCLASS32; },
        [](Builder& b) { b.header().e_ident[EI_DATA] = ELFDATA2MSB; },
        [](Builder& b) { b.header().e_type = ET_DYN; },
        [](Builder& b) { b.header().e_machine = EM_386; },
        [](Builder& b) { b.header().e_phentsize = 32; },
        [](Builder& b) { b.header().e_phnum = 0; },
        [](Builder& b) { b.header().e_phoff = ~0ull - 10; },
        [](Builder& b) { b.header().e_phnum = 0xffff; },
        [](Builder& b) { b.header().e_entry = 0x402000; }, // not in an executable segment
        [](Builder& b) { b.program_header(0).p_filesz = 0x3000; }, // more than memsz
        [](Builder& b) { b.program_header(0).p_offset = ~0ull - 0x100; },
        [](Builder& b) {
            b.program_header(1).p_filesz = 0x10000;
            b.program_header(1).p_memsz = 0x10000;
        },
        [](Builder& b) { b.program_header(0).p_vaddr = 0; }, // below user space
        [](Builder& b) { b.program_header(1).p_vaddr = 0xffffffff80000000; }, // kernel
        [](Builder& b) { b.program_header(1).p_memsz = ~0ull; }, // wraps
        [](Builder& b) { b.program_header(1).p_vaddr = 0x401000; }, // overlaps the text pages
        [](Builder& b) { b.program_header(1).p_vaddr = 0x402100; }, // offset and address disagree
        [](Builder& b) { b.program_header(1).p_type = PT_INTERP; },
        [](Builder& b) { b.program_header(1).p_type = PT_DYNAMIC; },
        [](Builder& b) {
            b.program_header(0).p_type = PT_NOTE;
            b.program_header(1).p_type = PT_NOTE;
        },
    };
    for (size_t i = 0; i < std::size(mutations); ++i) {
        Builder builder;
        mutations[i](builder);
        INFO("mutation " << i);
        CHECK_FALSE(builder.parse().ok());
    }
}

TEST_CASE("elf: truncated files are refused at every length", "[elf]")
{
    Builder builder;
    for (size_t size = 0; size < 64 + 2 * 56; ++size)
        CHECK_FALSE(parse_elf(builder.bytes.data(), size, kUserBottom, kUserTop).ok());
    CHECK_FALSE(parse_elf(nullptr, 100, kUserBottom, kUserTop).ok());
}

TEST_CASE("elf: random corruption never reads out of bounds", "[elf]")
{
    std::mt19937 random(1234);
    for (int round = 0; round < 2000; ++round) {
        Builder builder;
        for (int flips = 0; flips < 4; ++flips)
            builder.bytes[random() % 176] = uint8_t(random());
        // Exact-size copy: ASan catches any read past the end.
        std::vector<uint8_t> exact(builder.bytes.begin(), builder.bytes.begin() + 0x2800);
        auto image = parse_elf(exact.data(), exact.size(), kUserBottom, kUserTop);
        if (image.ok()) {
            for (size_t i = 0; i < image.value().segment_count; ++i) {
                const auto& segment = image.value().segments[i];
                CHECK(segment.file_offset + segment.file_size <= exact.size());
                CHECK(segment.address >= kUserBottom);
                CHECK(segment.address + segment.memory_size <= kUserTop);
            }
        }
    }
}
