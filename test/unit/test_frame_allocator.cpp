// The buddy frame allocator over fake physical memory: an anonymous mapping
// plays RAM (the allocator itself only writes its Frame array there).
#include <catch.hpp>
#include <support/child_process.h>
#include <support/fake_ram.h>
#include <vm/frame_allocator.h>

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <fcntl.h>
#include <random>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

using kern::MemoryRegion;
using kern::MemoryType;
using test_support::aborts;
using test_support::FakeRam;
using vm::FrameAllocator;
using vm::FrameState;
using vm::PhysRange;
using vm::Zone;

namespace {

constexpr uint64_t kKiB = 1024, kMiB = 1024 * kKiB, kGiB = 1024 * kMiB;
constexpr uint64_t kPage = vm::kPageSize;

bool overlaps(PhysRange a, PhysRange b) { return a.start < b.end && b.start < a.end; }

// Checks, independently of the allocator, that [block, block + bytes) may be
// handed out: inside one usable region, clear of everything excluded.
bool allowed(PhysAddr block, uint64_t bytes, const std::vector<MemoryRegion>& map,
    const std::vector<PhysRange>& reserved, PhysRange metadata)
{
    PhysRange range { block, block + bytes };
    bool inside_usable = false;
    for (const MemoryRegion& region : map) {
        PhysRange r { region.base, region.base + region.length };
        if (region.type == MemoryType::usable && range.start >= r.start && range.end <= r.end)
            inside_usable = true;
        if (region.type != MemoryType::usable && overlaps(range, r))
            return false;
    }
    for (PhysRange r : reserved) {
        if (overlaps(range, r))
            return false;
    }
    return inside_usable && range.start >= 1 * kMiB && !overlaps(range, metadata);
}

Result<void> init(FrameAllocator& allocator, const std::vector<MemoryRegion>& map,
    const std::vector<PhysRange>& reserved, const FakeRam& ram)
{
    return allocator.init(map.data(), map.size(), reserved.data(), reserved.size(), ram.window());
}

// A machine like QEMU with 160 MiB, with the awkward cases a firmware map
// can hold: unaligned bounds, overlapping usable regions, a non-usable
// region inside a usable one.
const std::vector<MemoryRegion> kAwkwardMap = {
    { 0, 0x9fc00, MemoryType::usable },
    { 0x9fc00, 0x60400, MemoryType::reserved },
    { 0x100000, 0x7ee0000, MemoryType::usable },
    { 0x7fe0000, 0x20000, MemoryType::reserved },
    { 0x8000123, 0x100000 - 0x323, MemoryType::usable },
    { 0x9000000, 0x1000000, MemoryType::usable },
    { 0x9800800, 0x800, MemoryType::acpi_nvs },
    { 0x9000000, 0x400000, MemoryType::usable },
    { 0x9c00000, 0x1000, MemoryType::bad },
};
const std::vector<PhysRange> kAwkwardReserved = {
    { 0x200000, 0x3a5123 }, // kernel image
    { 0x3a6000, 0x3a6100 }, // Multiboot2 information
    { 0x400010, 0x4000ff }, // a tiny boot module
    { 0x5000000, 0x5000000 }, // empty: excludes nothing
};

// Allocates greedily from the largest order down and returns how many
// blocks of each order it got (then frees them all).
std::vector<size_t> greedy_profile(FrameAllocator& allocator)
{
    std::vector<size_t> counts(FrameAllocator::kMaxOrder + 1);
    std::vector<std::pair<PhysAddr, unsigned>> blocks;
    for (int order = FrameAllocator::kMaxOrder; order >= 0; --order) {
        for (;;) {
            Result<PhysAddr> block = allocator.allocate(order);
            if (!block.ok())
                break;
            blocks.push_back({ block.value(), unsigned(order) });
            ++counts[order];
        }
    }
    for (auto [block, order] : blocks)
        allocator.free(block, order);
    return counts;
}

} // namespace

TEST_CASE("a full drain never hands out reserved or non-usable memory", "[frame_allocator]")
{
    FakeRam ram(0, 0xa000000);
    FrameAllocator allocator;
    REQUIRE(init(allocator, kAwkwardMap, kAwkwardReserved, ram).ok());
    PhysRange metadata = allocator.metadata_range();
    CHECK(ram.backs(metadata));
    CHECK(metadata.end <= 4 * kGiB);
    CHECK(allocator.free_frames() == allocator.total_frames());

    std::vector<bool> seen(0xa000000 / kPage);
    std::vector<PhysAddr> frames;
    for (;;) {
        Result<PhysAddr> frame = allocator.allocate(0);
        if (!frame.ok()) {
            CHECK(frame.error() == Error::no_memory);
            break;
        }
        PhysAddr address = frame.value();
        REQUIRE(address % kPage == 0);
        REQUIRE(allowed(address, kPage, kAwkwardMap, kAwkwardReserved, metadata));
        REQUIRE_FALSE(seen[address / kPage]);
        seen[address / kPage] = true;
        frames.push_back(address);
    }
    CHECK(frames.size() == allocator.total_frames());
    CHECK(allocator.free_frames() == 0);

    // Every frame the checker allows (outside the metadata) was handed out.
    size_t expected = 0;
    for (PhysAddr address = 0; address < 0xa000000; address += kPage)
        expected += allowed(address, kPage, kAwkwardMap, kAwkwardReserved, metadata);
    CHECK(frames.size() == expected);

    std::shuffle(frames.begin(), frames.end(), std::mt19937(42));
    for (PhysAddr frame : frames)
        allocator.free(frame);
    CHECK(allocator.free_frames() == allocator.total_frames());
}

TEST_CASE("freed frames coalesce back into the blocks they started as", "[frame_allocator]")
{
    FakeRam ram(0, 0xa000000);
    FrameAllocator allocator;
    REQUIRE(init(allocator, kAwkwardMap, kAwkwardReserved, ram).ok());
    std::vector<size_t> initial = greedy_profile(allocator);
    CHECK(initial[FrameAllocator::kMaxOrder] > 20);

    // Fragment completely, free in random order, and compare.
    std::vector<PhysAddr> frames;
    while (true) {
        Result<PhysAddr> frame = allocator.allocate(0);
        if (!frame.ok())
            break;
        frames.push_back(frame.value());
    }
    std::shuffle(frames.begin(), frames.end(), std::mt19937(7));
    for (PhysAddr frame : frames)
        allocator.free(frame);
    CHECK(greedy_profile(allocator) == initial);
    CHECK(allocator.free_frames() == allocator.total_frames());

    // Mixed orders with a checker over the whole range: no block overlaps another.
    std::mt19937 random(1);
    std::vector<std::pair<PhysAddr, unsigned>> blocks;
    std::vector<bool> used(0xa000000 / kPage);
    for (int step = 0; step < 4000; ++step) {
        if (!blocks.empty() && random() % 3 == 0) {
            size_t victim = random() % blocks.size();
            auto [block, order] = blocks[victim];
            for (uint64_t i = 0; i < (1u << order); ++i)
                used[block / kPage + i] = false;
            allocator.free(block, order);
            blocks[victim] = blocks.back();
            blocks.pop_back();
            continue;
        }
        unsigned order = random() % 6;
        Result<PhysAddr> block = allocator.allocate(order);
        if (!block.ok())
            continue;
        REQUIRE(block.value() % (kPage << order) == 0);
        for (uint64_t i = 0; i < (1u << order); ++i) {
            REQUIRE_FALSE(used[block.value() / kPage + i]);
            used[block.value() / kPage + i] = true;
        }
        blocks.push_back({ block.value(), order });
    }
    for (auto [block, order] : blocks)
        allocator.free(block, order);
    CHECK(greedy_profile(allocator) == initial);
}

TEST_CASE("higher orders are naturally aligned and described in the Frame array", "[frame_allocator]")
{
    FakeRam ram(0, 64 * kMiB);
    FrameAllocator allocator;
    REQUIRE(init(allocator, { { 0, 64 * kMiB, MemoryType::usable } }, {}, ram).ok());
    CHECK(allocator.total_frames()
        == (63 * kMiB) / kPage - allocator.metadata_range().end / kPage + allocator.metadata_range().start / kPage);

    // Disturb the lists so that splits happen.
    PhysAddr single = allocator.allocate(0).release_value();
    size_t free_before = allocator.free_frames();
    for (unsigned order = 0; order <= FrameAllocator::kMaxOrder; ++order) {
        INFO("order " << order);
        Result<PhysAddr> block = allocator.allocate(order);
        REQUIRE(block.ok());
        CHECK(block.value() % (kPage << order) == 0);
        CHECK(allocator.free_frames() == free_before - (1u << order));
        vm::Frame& head = allocator.frame(block.value());
        CHECK(head.state() == FrameState::allocated);
        CHECK(head.order() == order);
        CHECK(head.ref_count() == 1);
        CHECK(head.owner_tag() == 0);
        for (uint64_t i = 1; i < (1u << order); ++i)
            REQUIRE(allocator.frame(block.value() + i * kPage).state() == FrameState::tail);
        head.set_ref_count(3);
        head.set_owner_tag(0x1234);
        CHECK(head.ref_count() == 3);
        CHECK(head.owner_tag() == 0x1234);
        allocator.free(block.value(), order);
        CHECK(allocator.free_frames() == free_before);
    }
    CHECK(allocator.allocate(FrameAllocator::kMaxOrder + 1).error() == Error::invalid_argument);
    allocator.free(single);
    CHECK(allocator.free_frames() == allocator.total_frames());
}

TEST_CASE("zones: any prefers high memory, low and high stay apart", "[frame_allocator]")
{
    const PhysAddr base = 4 * kGiB - 16 * kMiB;
    FakeRam ram(base, 32 * kMiB);
    FrameAllocator allocator;
    REQUIRE(init(allocator, { { base, 32 * kMiB, MemoryType::usable } }, {}, ram).ok());
    PhysRange metadata = allocator.metadata_range();
    CHECK(metadata.end <= 4 * kGiB);
    CHECK(ram.backs(metadata));
    const size_t high = 16 * kMiB / kPage;
    const size_t low = high - (metadata.end - metadata.start) / kPage;
    CHECK(allocator.free_frames(Zone::high) == high);
    CHECK(allocator.free_frames(Zone::low) == low);
    CHECK(allocator.free_frames(Zone::any) == high + low);

    Result<PhysAddr> low_frame = allocator.allocate(0, Zone::low);
    REQUIRE(low_frame.ok());
    CHECK(low_frame.value() < 4 * kGiB);
    allocator.free(low_frame.value());

    // Zone::any takes every high frame before the first low one.
    std::vector<PhysAddr> frames;
    for (size_t i = 0; i < high; ++i) {
        PhysAddr frame = allocator.allocate(0, Zone::any).release_value();
        REQUIRE(frame >= 4 * kGiB);
        frames.push_back(frame);
    }
    CHECK(allocator.free_frames(Zone::high) == 0);
    CHECK(allocator.allocate(0, Zone::high).error() == Error::no_memory);
    for (size_t i = 0; i < low; ++i) {
        PhysAddr frame = allocator.allocate(0, Zone::any).release_value();
        REQUIRE(frame < 4 * kGiB);
        frames.push_back(frame);
    }
    CHECK(allocator.allocate(0, Zone::any).error() == Error::no_memory);
    CHECK(allocator.allocate(0, Zone::low).error() == Error::no_memory);
    for (PhysAddr frame : frames)
        allocator.free(frame);
    CHECK(allocator.free_frames(Zone::high) == high);
    CHECK(allocator.free_frames(Zone::low) == low);
    // No block straddles 4 GiB even when both sides are free.
    Result<PhysAddr> big = allocator.allocate(FrameAllocator::kMaxOrder, Zone::high);
    REQUIRE(big.ok());
    CHECK(big.value() >= 4 * kGiB);
    allocator.free(big.value(), FrameAllocator::kMaxOrder);
}

TEST_CASE("a PC-like map with memory above 4 GiB", "[frame_allocator]")
{
    // QEMU q35 with 8 GiB: RAM up to 2 GiB, the PCI hole, the rest above 4 GiB.
    const std::vector<MemoryRegion> map = {
        { 0, 0x9fc00, MemoryType::usable },
        { 0xf0000, 0x10000, MemoryType::reserved },
        { 0x100000, 0x7fee0000, MemoryType::usable },
        { 0x7ffe0000, 0x20000, MemoryType::reserved },
        { 0xfeffc000, 0x4000, MemoryType::reserved },
        { 0x100000000, 6 * kGiB, MemoryType::usable },
    };
    const std::vector<PhysRange> reserved = { { 0x200000, 0x400000 } };
    FakeRam ram(0, 2 * kGiB);
    FrameAllocator allocator;
    REQUIRE(init(allocator, map, reserved, ram).ok());
    // The array (8 bytes per frame from 1 MiB to 10 GiB) sits at the top of low RAM.
    PhysRange metadata = allocator.metadata_range();
    CHECK(metadata.end == 0x7ffe0000);
    CHECK(metadata.end - metadata.start == vm::align_up((10 * kGiB - 1 * kMiB) / kPage * 8, kPage));
    CHECK(allocator.free_frames(Zone::high) == 6 * kGiB / kPage);
    CHECK(allocator.free_frames(Zone::low)
        == (0x7ffe0000 - 0x100000 - 0x200000) / kPage - (metadata.end - metadata.start) / kPage);

    // Drain in the largest blocks, then check every block against the map.
    std::vector<std::pair<PhysAddr, unsigned>> blocks;
    for (int order = FrameAllocator::kMaxOrder; order >= 0; --order) {
        for (;;) {
            Result<PhysAddr> block = allocator.allocate(order);
            if (!block.ok())
                break;
            REQUIRE(allowed(block.value(), kPage << order, map, reserved, metadata));
            blocks.push_back({ block.value(), unsigned(order) });
        }
    }
    CHECK(allocator.free_frames() == 0);
    for (auto [block, order] : blocks)
        allocator.free(block, order);
    CHECK(allocator.free_frames() == allocator.total_frames());
}

TEST_CASE("frame allocator initialisation failures", "[frame_allocator]")
{
    FakeRam ram(0, 16 * kMiB);
    FrameAllocator never_initialised;
    CHECK(never_initialised.allocate(0).error() == Error::no_memory);
    CHECK(never_initialised.free_frames() == 0);

    SECTION("no memory map at all")
    {
        FrameAllocator allocator;
        CHECK(init(allocator, {}, {}, ram).error() == Error::no_memory);
    }
    SECTION("only memory below 1 MiB and non-usable regions")
    {
        FrameAllocator allocator;
        CHECK(init(allocator, { { 0, 0x9fc00, MemoryType::usable }, { 1 * kMiB, 8 * kMiB, MemoryType::reserved } }, {},
                  ram)
                  .error()
            == Error::no_memory);
    }
    SECTION("usable memory entirely reserved")
    {
        FrameAllocator allocator;
        CHECK(init(allocator, { { 1 * kMiB, 8 * kMiB, MemoryType::usable } }, { { 0, 9 * kMiB } }, ram).error()
            == Error::no_memory);
    }
    SECTION("a region smaller than a frame once trimmed")
    {
        FrameAllocator allocator;
        CHECK(init(allocator, { { 2 * kMiB + 1, kPage, MemoryType::usable } }, {}, ram).error() == Error::no_memory);
    }
    SECTION("no room for the Frame array below 4 GiB")
    {
        // 4 KiB of low memory cannot describe 8 GiB of frames.
        FrameAllocator allocator;
        CHECK(init(allocator, { { 2 * kMiB, kPage, MemoryType::usable }, { 4 * kGiB, 4 * kGiB, MemoryType::usable } },
                  {}, ram)
                  .error()
            == Error::no_memory);
    }
    SECTION("a region reaching the top of the address space is clamped")
    {
        FrameAllocator allocator;
        std::vector<MemoryRegion> map
            = { { 1 * kMiB, 4 * kMiB, MemoryType::usable }, { 0xfffffffffffff000, 0x2000, MemoryType::usable } };
        CHECK(init(allocator, map, {}, ram).ok());
        CHECK(allocator.free_frames() < 4 * kMiB / kPage);
    }
}

TEST_CASE("misuse of free is caught", "[frame_allocator]")
{
    FakeRam ram(0, 16 * kMiB);
    FrameAllocator allocator;
    REQUIRE(init(allocator, { { 1 * kMiB, 15 * kMiB, MemoryType::usable } }, {}, ram).ok());
    PhysAddr block = allocator.allocate(2).release_value();
    PhysAddr single = allocator.allocate(0).release_value();

    CHECK_FALSE(aborts([&] { allocator.free(block, 2); }));
    CHECK(aborts([&] {
        allocator.free(block, 2);
        allocator.free(block, 2);
    }));
    CHECK(aborts([&] {
        allocator.free(single);
        allocator.free(single);
    }));
    CHECK(aborts([&] { allocator.free(block, 1); })); // wrong order
    CHECK(aborts([&] { allocator.free(block + kPage, 0); })); // a tail frame
    CHECK(aborts([&] { allocator.free(block + 1, 0); })); // not a frame address
    CHECK(aborts([&] { allocator.free(block + 2 * kPage, 1); })); // inside the block
    CHECK(aborts([&] { allocator.free(allocator.metadata_range().start); }));
    CHECK(aborts([&] { allocator.free(64 * kMiB); })); // outside managed memory
    CHECK(aborts([&] { allocator.frame(64 * kMiB); }));
    CHECK(aborts([&] { allocator.free(block, FrameAllocator::kMaxOrder + 1); }));

    // A free block never handed out cannot be freed either.
    Result<PhysAddr> other = allocator.allocate(0);
    REQUIRE(other.ok());
    allocator.free(other.value());
    CHECK(aborts([&] { allocator.free(other.value()); }));
    allocator.free(block, 2);
    allocator.free(single);
    CHECK(allocator.free_frames() == allocator.total_frames());
}

TEST_CASE("the kernel's frame allocator is one instance", "[frame_allocator]")
{
    CHECK(&vm::frame_allocator() == &vm::frame_allocator());
}

TEST_CASE("an inverted reserved range is refused, not silently ignored", "[frame_allocator]")
{
    FakeRam ram(0, 0xa000000);
    FrameAllocator allocator;
    std::vector<PhysRange> inverted = { { 0x80200000, 0x24f000 } }; // start past end, as a bad symbol sum gives
    CHECK(init(allocator, kAwkwardMap, inverted, ram).error() == Error::invalid_argument);
}

TEST_CASE("a run of frames takes exactly its pages and goes back whole", "[frame_allocator]")
{
    FakeRam ram(0, 0xa000000);
    FrameAllocator allocator;
    REQUIRE(init(allocator, kAwkwardMap, kAwkwardReserved, ram).ok());
    std::vector<size_t> initial = greedy_profile(allocator);
    size_t free_before = allocator.free_frames();
    std::mt19937 random(3);
    std::vector<std::pair<PhysAddr, size_t>> runs;
    std::vector<bool> used(0xa000000 / kPage);
    for (size_t pages : { 1, 2, 3, 5, 6, 7, 100, 255, 257, 513, 1000, 1024 }) {
        PhysAddr run = allocator.allocate_run(pages).value();
        INFO("pages " << pages);
        CHECK(allocator.free_frames() + pages + [&] {
            size_t held = 0;
            for (auto& [start, count] : runs)
                held += count;
            return held;
        }() == free_before);
        for (size_t i = 0; i < pages; i++) {
            size_t index = run / kPage + i;
            CHECK_FALSE(used[index]); // no two runs share a frame
            used[index] = true;
        }
        runs.push_back({ run, pages });
    }
    CHECK(allocator.allocate_run(0).error() == Error::invalid_argument);
    CHECK(allocator.allocate_run(1025).error() == Error::invalid_argument);
    std::shuffle(runs.begin(), runs.end(), random);
    for (auto& [run, pages] : runs)
        allocator.free_run(run, pages);
    CHECK(allocator.free_frames() == free_before);
    CHECK(greedy_profile(allocator) == initial); // everything coalesced back
}
