// Page tables built in fake physical memory, checked both through the
// PageTable API and by walking the entries the way the MMU would.
#include <catch.hpp>
#include <support/child_process.h>
#include <support/fake_ram.h>
#include <vm/page_table.h>

#include <csignal>
#include <cstdio>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

using kern::MemoryType;
using test_support::aborts;
using vm::FrameAllocator;
using vm::PageFlags;
using vm::PageSize;
using vm::PageTable;
using vm::PhysWindow;
using vm::Zone;
using Machine = test_support::FakeMachine;

namespace {

constexpr uint64_t kMiB = 1024 * 1024, kGiB = 1024 * kMiB;
constexpr uint64_t k4K = vm::kPageSize, k2M = vm::kLargePageSize;

// What the MMU finds for `virt`, read straight from the entries (Intel SDM
// vol. 3, 4.5), independently of PageTable's own code.
struct HardwareWalk {
    bool present = false;
    uint64_t leaf = 0; // the entry that maps the page
    uint64_t page_bytes = 0;
    PhysAddr phys = 0;
    std::vector<uint64_t> table_entries; // the non-leaf entries passed through
};

HardwareWalk hardware_walk(PhysWindow window, PhysAddr root, VirtAddr virt)
{
    HardwareWalk walk;
    PhysAddr table = root;
    for (int level = 3; level >= 0; --level) {
        const uint64_t* entries = static_cast<const uint64_t*>(window.to_virt(table));
        uint64_t entry = entries[(virt >> (12 + 9 * level)) & 511];
        if (!(entry & 1))
            return walk;
        bool leaf = level == 0 || (level == 1 && (entry & 0x80));
        if (leaf) {
            walk.present = true;
            walk.leaf = entry;
            walk.page_bytes = level == 0 ? k4K : k2M;
            PhysAddr base = entry & 0x000ffffffffff000ull & ~(walk.page_bytes - 1);
            walk.phys = base + (virt & (walk.page_bytes - 1));
            return walk;
        }
        walk.table_entries.push_back(entry);
        table = entry & 0x000ffffffffff000ull;
    }
    return walk;
}

// The PTE bits each flag must set.
uint64_t hardware_bits(PageFlags flags)
{
    uint64_t bits = 0;
    bits |= has_flags(flags, PageFlags::writable) ? 1ull << 1 : 0;
    bits |= has_flags(flags, PageFlags::user) ? 1ull << 2 : 0;
    bits |= has_flags(flags, PageFlags::write_through) ? 1ull << 3 : 0;
    bits |= has_flags(flags, PageFlags::cache_disable) ? 1ull << 4 : 0;
    bits |= has_flags(flags, PageFlags::global) ? 1ull << 8 : 0;
    bits |= has_flags(flags, PageFlags::no_execute) ? 1ull << 63 : 0;
    return bits;
}

constexpr uint64_t kFlagBits = (1ull << 1) | (1ull << 2) | (1ull << 3) | (1ull << 4) | (1ull << 8) | (1ull << 63);

} // namespace

TEST_CASE("a new page table has a zeroed root and maps nothing", "[page_table]")
{
    Machine machine(0, 32 * kMiB);
    size_t baseline = machine.frames.free_frames();
    PageTable tree = PageTable::create(machine.frames, machine.window()).release_value();
    CHECK(tree.root() != 0);
    CHECK(tree.root() % k4K == 0);
    CHECK(machine.frames.free_frames() == baseline - 1);
    const uint64_t* root = static_cast<const uint64_t*>(machine.window().to_virt(tree.root()));
    for (int i = 0; i < 512; ++i)
        REQUIRE(root[i] == 0);
    CHECK(tree.translate(0).error() == Error::not_found);
    CHECK(tree.translate(0xffffffff80000000).error() == Error::not_found);

    PageTable moved(std::move(tree));
    CHECK(tree.root() == 0);
    CHECK(moved.root() != 0);
    moved.destroy();
    CHECK(moved.root() == 0);
    CHECK(machine.frames.free_frames() == baseline);
}

TEST_CASE("4 KiB mappings round-trip with every flag combination", "[page_table]")
{
    Machine machine(0, 32 * kMiB);
    size_t baseline = machine.frames.free_frames();
    PageTable tree = PageTable::create(machine.frames, machine.window()).release_value();
    for (uint32_t bits = 0; bits < 64; ++bits) {
        PageFlags flags = static_cast<PageFlags>(bits);
        VirtAddr virt = 0x400000 + bits * k4K;
        PhysAddr phys = 0x12345000 + bits * k4K;
        INFO("flags " << bits);
        REQUIRE(tree.map(virt, phys, PageSize::k4K, flags).ok());

        auto translation = tree.translate(virt + 0x123);
        REQUIRE(translation.ok());
        CHECK(translation.value().phys == phys + 0x123);
        CHECK(translation.value().size == PageSize::k4K);
        CHECK(translation.value().flags == flags);

        HardwareWalk walk = hardware_walk(machine.window(), tree.root(), virt + 0x123);
        REQUIRE(walk.present);
        CHECK(walk.phys == phys + 0x123);
        CHECK(walk.page_bytes == k4K);
        CHECK((walk.leaf & kFlagBits) == hardware_bits(flags));
        CHECK((walk.leaf & 0x80) == 0);
        REQUIRE(walk.table_entries.size() == 3);
        for (uint64_t entry : walk.table_entries)
            CHECK((entry & (kFlagBits | 0x80 | 1)) == 0x7); // present, writable, user, executable
    }
    // One leaf table served all 64 pages: root + PDPT + PD + PT.
    CHECK(machine.frames.free_frames() == baseline - 4);

    CHECK(tree.map(0x400000, 0x1000, PageSize::k4K, PageFlags::none).error() == Error::already_exists);
    for (uint32_t bits = 0; bits < 64; ++bits) {
        REQUIRE(tree.unmap(0x400000 + bits * k4K).ok());
        CHECK(tree.translate(0x400000 + bits * k4K).error() == Error::not_found);
        CHECK_FALSE(hardware_walk(machine.window(), tree.root(), 0x400000 + bits * k4K).present);
    }
    CHECK(tree.unmap(0x400000).error() == Error::not_found);
    CHECK(tree.protect(0x400000, PageFlags::writable).error() == Error::not_found);
    // The emptied table is kept and reused.
    REQUIRE(tree.map(0x400000, 0x1000, PageSize::k4K, PageFlags::none).ok());
    CHECK(machine.frames.free_frames() == baseline - 4);
    tree.destroy();
    CHECK(machine.frames.free_frames() == baseline);
}

TEST_CASE("2 MiB pages", "[page_table]")
{
    Machine machine(0, 32 * kMiB);
    size_t baseline = machine.frames.free_frames();
    PageTable tree = PageTable::create(machine.frames, machine.window()).release_value();
    const VirtAddr virt = 0xffff800040000000 + 3 * k2M;
    const PhysAddr phys = 0x7c00000;
    REQUIRE(tree.map(virt, phys, PageSize::k2M, PageFlags::writable | PageFlags::global).ok());
    for (uint64_t offset : { uint64_t(0), uint64_t(1), uint64_t(0x1000), uint64_t(0x123456), k2M - 1 }) {
        auto translation = tree.translate(virt + offset);
        REQUIRE(translation.ok());
        CHECK(translation.value().phys == phys + offset);
        CHECK(translation.value().size == PageSize::k2M);
        CHECK(translation.value().flags == (PageFlags::writable | PageFlags::global));
        HardwareWalk walk = hardware_walk(machine.window(), tree.root(), virt + offset);
        REQUIRE(walk.present);
        CHECK(walk.page_bytes == k2M);
        CHECK(walk.phys == phys + offset);
        CHECK(walk.table_entries.size() == 2);
    }
    CHECK(tree.translate(virt + k2M).error() == Error::not_found);
    CHECK(tree.translate(virt - 1).error() == Error::not_found);
    // root + PDPT + PD, no leaf table.
    CHECK(machine.frames.free_frames() == baseline - 3);

    // Nothing else fits inside it, and it leaves only whole.
    CHECK(tree.map(virt, phys, PageSize::k2M, PageFlags::none).error() == Error::already_exists);
    CHECK(tree.map(virt + k4K, 0x1000, PageSize::k4K, PageFlags::none).error() == Error::already_exists);
    CHECK(tree.unmap(virt + k4K).error() == Error::invalid_argument);
    CHECK(tree.protect(virt + k4K, PageFlags::none).error() == Error::invalid_argument);
    REQUIRE(tree.unmap(virt).ok());
    CHECK(tree.translate(virt).error() == Error::not_found);

    // A 2 MiB slot holding a page table (even an empty one) refuses a 2 MiB page.
    REQUIRE(tree.map(virt + k2M, 0x1000, PageSize::k4K, PageFlags::none).ok());
    CHECK(tree.map(virt + k2M, phys, PageSize::k2M, PageFlags::none).error() == Error::already_exists);
    REQUIRE(tree.unmap(virt + k2M).ok());
    CHECK(tree.map(virt + k2M, phys, PageSize::k2M, PageFlags::none).error() == Error::already_exists);
    tree.destroy();
    CHECK(machine.frames.free_frames() == baseline);
}

TEST_CASE("protect changes flags and keeps the frame and page size", "[page_table]")
{
    Machine machine(0, 32 * kMiB);
    PageTable tree = PageTable::create(machine.frames, machine.window()).release_value();
    REQUIRE(tree.map(0x1000, 0x5000, PageSize::k4K, PageFlags::writable | PageFlags::user).ok());
    REQUIRE(tree.map(0x200000, 0x400000, PageSize::k2M, PageFlags::writable).ok());

    REQUIRE(tree.protect(0x1000, PageFlags::user | PageFlags::no_execute).ok());
    auto small = tree.translate(0x1008).release_value();
    CHECK(small.phys == 0x5008);
    CHECK(small.size == PageSize::k4K);
    CHECK(small.flags == (PageFlags::user | PageFlags::no_execute));
    CHECK((hardware_walk(machine.window(), tree.root(), 0x1000).leaf & kFlagBits) == ((1ull << 2) | (1ull << 63)));

    REQUIRE(tree.protect(0x200000, PageFlags::cache_disable | PageFlags::write_through).ok());
    auto large = tree.translate(0x200010).release_value();
    CHECK(large.phys == 0x400010);
    CHECK(large.size == PageSize::k2M);
    CHECK(large.flags == (PageFlags::cache_disable | PageFlags::write_through));
    HardwareWalk walk = hardware_walk(machine.window(), tree.root(), 0x200000);
    CHECK(walk.page_bytes == k2M);
    CHECK(walk.phys == 0x400000);
    tree.destroy();
}

TEST_CASE("page table argument errors", "[page_table]")
{
    Machine machine(0, 32 * kMiB);
    size_t baseline = machine.frames.free_frames();
    PageTable tree = PageTable::create(machine.frames, machine.window()).release_value();
    const VirtAddr non_canonical[] = { 0x0000800000000000, 0xffff7ffffffff000, 0x1234000000000000 };
    for (VirtAddr virt : non_canonical) {
        CHECK(tree.map(virt, 0x1000, PageSize::k4K, PageFlags::none).error() == Error::invalid_argument);
        CHECK(tree.map(virt, 0, PageSize::k2M, PageFlags::none).error() == Error::invalid_argument);
        CHECK(tree.translate(virt).error() == Error::invalid_argument);
        CHECK(tree.unmap(virt).error() == Error::invalid_argument);
        CHECK(tree.protect(virt, PageFlags::none).error() == Error::invalid_argument);
        CHECK(tree.map_range(virt, 0, k4K, PageFlags::none).error() == Error::invalid_argument);
    }
    CHECK(tree.map(0x1001, 0x1000, PageSize::k4K, PageFlags::none).error() == Error::invalid_argument);
    CHECK(tree.map(0x1000, 0x1800, PageSize::k4K, PageFlags::none).error() == Error::invalid_argument);
    CHECK(tree.map(0x1000, 0, PageSize::k2M, PageFlags::none).error() == Error::invalid_argument);
    CHECK(tree.map(0x200000, 0x1000, PageSize::k2M, PageFlags::none).error() == Error::invalid_argument);
    CHECK(tree.map(0x1000, 1ull << 52, PageSize::k4K, PageFlags::none).error() == Error::invalid_argument);

    CHECK(tree.map_range(0x1000, 0x1000, 0, PageFlags::none).error() == Error::invalid_argument);
    CHECK(tree.map_range(0x1000, 0x1000, 100, PageFlags::none).error() == Error::invalid_argument);
    CHECK(tree.map_range(0x1001, 0x1000, k4K, PageFlags::none).error() == Error::invalid_argument);
    CHECK(tree.map_range(0x1000, 0x1001, k4K, PageFlags::none).error() == Error::invalid_argument);
    // Across the non-canonical hole, wrapping past the top, beyond physical addresses.
    CHECK(tree.map_range(0x00007ffffffff000, 0, 2 * k4K, PageFlags::none).error() == Error::invalid_argument);
    CHECK(tree.map_range(0xfffffffffffff000, 0, 2 * k4K, PageFlags::none).error() == Error::invalid_argument);
    CHECK(tree.map_range(0x1000, (1ull << 52) - k4K, 2 * k4K, PageFlags::none).error() == Error::invalid_argument);

    // None of it left anything behind.
    CHECK(machine.frames.free_frames() == baseline - 1);
    CHECK(tree.unmap(0x1000).error() == Error::not_found);
    CHECK(tree.translate(0x1000).error() == Error::not_found);
    // The highest user page and the highest kernel page are fine.
    CHECK(tree.map(0x00007ffffffff000, 0x1000, PageSize::k4K, PageFlags::none).ok());
    CHECK(tree.map(0xfffffffffffff000, 0x2000, PageSize::k4K, PageFlags::none).ok());
    CHECK(tree.translate(0xffffffffffffffff).value().phys == 0x2fff);
    tree.destroy();
    CHECK(machine.frames.free_frames() == baseline);
}

TEST_CASE("map_range uses 2 MiB pages where it can", "[page_table]")
{
    Machine machine(0, 32 * kMiB);
    size_t baseline = machine.frames.free_frames();
    PageTable tree = PageTable::create(machine.frames, machine.window()).release_value();

    // Three small pages up to the 2 MiB line, two large ones, two small ones.
    const VirtAddr virt = 0xffff800000000000 + k2M - 3 * k4K;
    const PhysAddr phys = 0x40000000 + k2M - 3 * k4K;
    const uint64_t length = 3 * k4K + 2 * k2M + 2 * k4K;
    REQUIRE(tree.map_range(virt, phys, length, PageFlags::writable | PageFlags::no_execute).ok());
    std::vector<PageSize> sizes;
    for (uint64_t offset = 0; offset < length;) {
        auto translation = tree.translate(virt + offset);
        REQUIRE(translation.ok());
        CHECK(translation.value().phys == phys + offset);
        CHECK(translation.value().flags == (PageFlags::writable | PageFlags::no_execute));
        HardwareWalk walk = hardware_walk(machine.window(), tree.root(), virt + offset);
        CHECK(walk.phys == phys + offset);
        sizes.push_back(translation.value().size);
        offset += vm::page_bytes(translation.value().size);
    }
    using S = PageSize;
    CHECK(sizes == std::vector<S> { S::k4K, S::k4K, S::k4K, S::k2M, S::k2M, S::k4K, S::k4K });
    CHECK(tree.translate(virt - 1).error() == Error::not_found);
    CHECK(tree.translate(virt + length).error() == Error::not_found);

    // Physical and virtual addresses that never line up: small pages only.
    const VirtAddr other = 0x40000000;
    REQUIRE(tree.map_range(other, 0x1000, 2 * k2M, PageFlags::user).ok());
    for (uint64_t offset = 0; offset < 2 * k2M; offset += k4K) {
        auto translation = tree.translate(other + offset);
        REQUIRE(translation.ok());
        REQUIRE(translation.value().size == PageSize::k4K);
        REQUIRE(translation.value().phys == 0x1000 + offset);
    }
    tree.destroy();
    CHECK(machine.frames.free_frames() == baseline);
}

TEST_CASE("a failing map_range leaves no page mapped", "[page_table]")
{
    Machine machine(0, 32 * kMiB);
    size_t baseline = machine.frames.free_frames();
    PageTable tree = PageTable::create(machine.frames, machine.window()).release_value();
    // Something already sits in the middle of the range.
    REQUIRE(tree.map(0x10000000 + 4 * k2M + 5 * k4K, 0x9000, PageSize::k4K, PageFlags::none).ok());
    size_t before = machine.frames.free_frames();
    CHECK(tree.map_range(0x10000000 - 2 * k4K, 0x20000000 - 2 * k4K, 6 * k2M, PageFlags::writable).error()
        == Error::already_exists);
    for (uint64_t offset = 0; offset < 6 * k2M; offset += k4K) {
        VirtAddr virt = 0x10000000 - 2 * k4K + offset;
        if (virt == 0x10000000 + 4 * k2M + 5 * k4K)
            CHECK(tree.translate(virt).value().phys == 0x9000);
        else
            REQUIRE(tree.translate(virt).error() == Error::not_found);
    }
    // The tables it made stay (one leaf table for the first two pages) and are reused.
    CHECK(machine.frames.free_frames() == before - 1);
    REQUIRE(tree.map_range(0x10000000 - 2 * k4K, 0x20000000 - 2 * k4K, 4 * k2M + 2 * k4K, PageFlags::writable).ok());
    CHECK(machine.frames.free_frames() == before - 1);
    tree.destroy();
    CHECK(machine.frames.free_frames() == baseline);
}

TEST_CASE("running out of frames for tables leaks nothing", "[page_table]")
{
    Machine machine(0, 32 * kMiB);
    PageTable tree = PageTable::create(machine.frames, machine.window()).release_value();
    // Keep exactly two frames free: a fresh 4 KiB mapping needs three tables.
    std::vector<PhysAddr> hoard;
    while (machine.frames.free_frames() > 2)
        hoard.push_back(machine.frames.allocate(0).release_value());
    CHECK(tree.map(0x7000000000, 0x1000, PageSize::k4K, PageFlags::none).error() == Error::no_memory);
    CHECK(machine.frames.free_frames() == 2);
    CHECK(tree.translate(0x7000000000).error() == Error::not_found);
    CHECK(hardware_walk(machine.window(), tree.root(), 0x7000000000).table_entries.empty());
    // A 2 MiB page needs only two.
    REQUIRE(tree.map(0x7000000000, 0x200000, PageSize::k2M, PageFlags::none).ok());
    CHECK(machine.frames.free_frames() == 0);

    // With one frame left, a range needing two leaf tables fails whole; the
    // table it did make stays for reuse.
    machine.frames.free(hoard.back());
    hoard.pop_back();
    const VirtAddr range = 0x7000400000 - k4K;
    CHECK(tree.map_range(range, 0x1000, 2 * k4K, PageFlags::none).error() == Error::no_memory);
    CHECK(tree.translate(range).error() == Error::not_found);
    CHECK(tree.translate(range + k4K).error() == Error::not_found);
    CHECK(tree.translate(0x7000000000).value().size == PageSize::k2M);
    CHECK(machine.frames.free_frames() == 0);
    machine.frames.free(hoard.back());
    hoard.pop_back();
    CHECK(tree.map_range(range, 0x1000, 2 * k4K, PageFlags::none).ok());
    CHECK(machine.frames.free_frames() == 0);

    for (PhysAddr frame : hoard)
        machine.frames.free(frame);
    tree.destroy();
    CHECK(machine.frames.free_frames() == machine.frames.total_frames());

    hoard.clear();
    while (machine.frames.free_frames() > 0)
        hoard.push_back(machine.frames.allocate(0).release_value());
    CHECK(PageTable::create(machine.frames, machine.window()).error() == Error::no_memory);
    for (PhysAddr frame : hoard)
        machine.frames.free(frame);
    CHECK(PageTable().root() == 0);
}

TEST_CASE("an address space shares the kernel half", "[page_table]")
{
    Machine machine(0, 32 * kMiB);
    size_t baseline = machine.frames.free_frames();
    PageTable kernel = PageTable::create(machine.frames, machine.window()).release_value();
    REQUIRE(kernel.map_range(0xffff800000000000, 0, 8 * kMiB, PageFlags::writable | PageFlags::global).ok());
    REQUIRE(kernel.map(0xffffffff80000000, 0x200000, PageSize::k2M, PageFlags::global).ok());
    size_t kernel_frames = baseline - machine.frames.free_frames();

    PageTable user = PageTable::create(machine.frames, machine.window()).release_value();
    user.adopt_kernel_half(kernel);
    CHECK(user.translate(0xffff800000123456).value().phys == 0x123456);
    CHECK(user.translate(0xffffffff80000010).value().phys == 0x200010);
    REQUIRE(user.map(0x400000, 0x800000, PageSize::k4K, PageFlags::user).ok());
    CHECK(kernel.translate(0x400000).error() == Error::not_found);
    // A later kernel mapping inside an existing upper-half table shows up.
    REQUIRE(kernel.map(0xffff800040000000, 0x3000, PageSize::k4K, PageFlags::none).ok());
    CHECK(user.translate(0xffff800040000000).value().phys == 0x3000);
    kernel_frames = baseline - machine.frames.free_frames() - 4; // the user tree holds root + 3

    user.destroy();
    CHECK(baseline - machine.frames.free_frames() == kernel_frames);
    CHECK(kernel.translate(0xffff800000123456).value().phys == 0x123456);

    PageTable other = PageTable::create(machine.frames, machine.window()).release_value();
    REQUIRE(other.map(0xffff900000000000, 0, PageSize::k4K, PageFlags::none).ok());
    CHECK(aborts([&] { other.adopt_kernel_half(kernel); }));
    other.destroy();
    kernel.destroy(); // never adopted: frees its upper half too
    CHECK(machine.frames.free_frames() == baseline);
}

TEST_CASE("early-boot tables come from low memory", "[page_table]")
{
    Machine machine(4 * kGiB - 16 * kMiB, 32 * kMiB);
    PageTable tree = PageTable::create(machine.frames, machine.window(), Zone::low).release_value();
    CHECK(tree.root() < 4 * kGiB);
    for (int i = 0; i < 64; ++i) {
        VirtAddr virt = 0xffff800000000000 + uint64_t(i) * 1 * kGiB + uint64_t(i) * k2M;
        REQUIRE(tree.map(virt, 0x1000, PageSize::k4K, PageFlags::none).ok());
        for (uint64_t entry : hardware_walk(machine.window(), tree.root(), virt).table_entries)
            REQUIRE((entry & 0x000ffffffffff000) < 4 * kGiB);
    }
    // Whereas Zone::any takes high memory first.
    PageTable anywhere = PageTable::create(machine.frames, machine.window()).release_value();
    CHECK(anywhere.root() >= 4 * kGiB);
    anywhere.destroy();
    tree.destroy();
    CHECK(machine.frames.free_frames() == machine.frames.total_frames());
}

TEST_CASE("next_mapped finds the mapped pages in order, across absent tables", "[page_table]")
{
    Machine machine(0, 32 * kMiB);
    PageTable tree = PageTable::create(machine.frames, machine.window()).release_value();
    // In one table, at both ends of another, past a 1 GiB gap, and a 2 MiB page.
    const VirtAddr pages[] = { 0x400000, 0x401000, 0x5ff000, 0x600000, 0x7ff000, 0x40000000 + 0x3000 };
    for (VirtAddr page : pages)
        REQUIRE(tree.map(page, 0x100000, PageSize::k4K, PageFlags::writable).ok());
    REQUIRE(tree.map(0x80000000, 0x200000, PageSize::k2M, PageFlags::writable).ok());
    std::vector<VirtAddr> found;
    constexpr VirtAddr kEnd = 0x100000000;
    for (VirtAddr at = tree.next_mapped(0, kEnd); at < kEnd; at = tree.next_mapped(at + k2M, kEnd)) {
        found.push_back(at);
        if (at != 0x80000000)
            at -= k2M - k4K; // step one 4 KiB page
    }
    CHECK(found == std::vector<VirtAddr>({ 0x400000, 0x401000, 0x5ff000, 0x600000, 0x7ff000, 0x40003000, 0x80000000 }));
    CHECK(tree.next_mapped(0x402000, 0x5ff000) == 0x5ff000); // none before the end: the end
    CHECK(tree.next_mapped(0x5ff000, 0x5ff800) == 0x5ff000);
    CHECK(tree.next_mapped(0x800000, 0x40003000) == 0x40003000);
    tree.destroy();
}
