// The kernel heap over a frame allocator in fake physical memory.
#include <catch.hpp>
#include <support/child_process.h>
#include <support/fake_ram.h>
#include <vm/heap.h>

#include <csignal>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <random>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

using kern::Heap;
using test_support::aborts;
using vm::FrameAllocator;

namespace {

// Fake RAM with a frame allocator and a page provider for slab caches over it.
struct Machine : test_support::FakeMachine {
    using FakeMachine::FakeMachine;
    kern::FramePageProvider pages { frames };
};

} // namespace

namespace {

constexpr uint64_t kMiB = 1024 * 1024;
constexpr size_t kPage = vm::kPageSize;

// The bytes a request is charged: its size class, or exactly its pages.
size_t charged(size_t size)
{
    if (size > 2048)
        return (size + kPage - 1) / kPage * kPage;
    size_t bytes = 16;
    while (bytes < size)
        bytes *= 2;
    return bytes;
}

void fill(unsigned char* block, size_t size, uint32_t seed)
{
    for (size_t i = 0; i < size; ++i)
        block[i] = static_cast<unsigned char>((seed * 2654435761u + i * 7) >> 3);
}

bool intact(const unsigned char* block, size_t size, uint32_t seed)
{
    for (size_t i = 0; i < size; ++i) {
        if (block[i] != static_cast<unsigned char>((seed * 2654435761u + i * 7) >> 3))
            return false;
    }
    return true;
}

} // namespace

TEST_CASE("small heap blocks come from size classes", "[heap]")
{
    Machine machine(0, 64 * kMiB);
    Heap heap(machine.pages, machine.frames);
    CHECK(heap.bytes_in_use() == 0);
    size_t expected = 0;
    std::vector<void*> blocks;
    for (size_t size : { 1, 15, 16, 17, 31, 32, 33, 100, 128, 129, 1000, 1024, 1025, 2047, 2048 }) {
        INFO("size " << size);
        void* block = heap.allocate(size).release_value();
        CHECK(reinterpret_cast<uintptr_t>(block) % 16 == 0);
        CHECK(reinterpret_cast<uintptr_t>(block) % kPage != 0);
        CHECK(freestanding::SlabCache::cache_of(block).stats().object_size == charged(size));
        expected += charged(size);
        CHECK(heap.bytes_in_use() == expected);
        std::memset(block, 0x5a, size);
        blocks.push_back(block);
    }
    for (void* block : blocks)
        heap.free(block);
    CHECK(heap.bytes_in_use() == 0);
}

TEST_CASE("large heap blocks are exactly the frames they need", "[heap]")
{
    Machine machine(0, 64 * kMiB);
    size_t baseline = machine.frames.free_frames();
    {
        Heap heap(machine.pages, machine.frames);
        for (size_t size : { size_t(2049), kPage - 1, kPage, kPage + 1, 3 * kPage, 5 * kPage + 7, 1 * kMiB,
                 1 * kMiB + 1, Heap::kMaxSize - kPage, Heap::kMaxSize }) {
            INFO("size " << size);
            size_t before = machine.frames.free_frames();
            unsigned char* block = static_cast<unsigned char*>(heap.allocate(size).release_value());
            CHECK(reinterpret_cast<uintptr_t>(block) % kPage == 0);
            CHECK(heap.bytes_in_use() == charged(size));
            CHECK(machine.frames.free_frames() == before - charged(size) / kPage);
            fill(block, size, uint32_t(size));
            CHECK(intact(block, size, uint32_t(size)));
            heap.free(block);
            CHECK(heap.bytes_in_use() == 0);
            CHECK(machine.frames.free_frames() == before);
        }
        CHECK(heap.allocate(Heap::kMaxSize + 1).error() == Error::no_memory);
        CHECK(heap.allocate(0).error() == Error::invalid_argument);
        CHECK(heap.bytes_in_use() == 0);
    }
    CHECK(machine.frames.free_frames() == baseline);
}

TEST_CASE("a mix of small and large heap blocks keeps every byte", "[heap]")
{
    Machine machine(0, 64 * kMiB);
    size_t baseline = machine.frames.free_frames();
    {
        Heap heap(machine.pages, machine.frames);
        std::mt19937 random(11);
        struct Live {
            unsigned char* block;
            size_t size;
            uint32_t seed;
        };
        std::vector<Live> live;
        size_t expected = 0;
        for (uint32_t step = 0; step < 6000; ++step) {
            if (!live.empty() && random() % 5 < 2) {
                size_t victim = random() % live.size();
                Live gone = live[victim];
                REQUIRE(intact(gone.block, gone.size, gone.seed));
                heap.free(gone.block);
                expected -= charged(gone.size);
                live[victim] = live.back();
                live.pop_back();
            } else {
                size_t size = random() % 20 == 0 ? 2049 + random() % (200 * 1024) : 1 + random() % 2048;
                Result<void*> block = heap.allocate(size);
                REQUIRE(block.ok());
                fill(static_cast<unsigned char*>(block.value()), size, step);
                live.push_back({ static_cast<unsigned char*>(block.value()), size, step });
                expected += charged(size);
            }
            REQUIRE(heap.bytes_in_use() == expected);
        }
        for (const Live& block : live) {
            REQUIRE(intact(block.block, block.size, block.seed));
            heap.free(block.block);
        }
        CHECK(heap.bytes_in_use() == 0);
        // Only the size classes' spare slabs are still held.
        CHECK(machine.frames.free_frames() >= baseline - 8);
    }
    CHECK(machine.frames.free_frames() == baseline);
}

TEST_CASE("the heap reports exhaustion as no_memory", "[heap]")
{
    Machine machine(0, 16 * kMiB);
    Heap heap(machine.pages, machine.frames);
    void* small = heap.allocate(100).release_value();
    std::vector<PhysAddr> hoard;
    while (machine.frames.free_frames() > 0)
        hoard.push_back(machine.frames.allocate(0).release_value());
    CHECK(heap.allocate(3000).error() == Error::no_memory);
    CHECK(heap.allocate(500).error() == Error::no_memory); // a new size class needs a page
    void* same_class = heap.allocate(120).release_value(); // the 128 class has room
    CHECK(heap.bytes_in_use() == 256);
    for (PhysAddr frame : hoard)
        machine.frames.free(frame);
    heap.free(small);
    heap.free(same_class);
    CHECK(heap.bytes_in_use() == 0);
}

TEST_CASE("misuse of the heap is caught", "[heap]")
{
    Machine machine(0, 16 * kMiB);
    Heap heap(machine.pages, machine.frames);
    void* small = heap.allocate(64).release_value();
    unsigned char* large = static_cast<unsigned char*>(heap.allocate(3 * kPage).release_value());
    std::memset(large, 0, 3 * kPage);
    freestanding::SlabCache foreign_cache("foreign", 64, 16, machine.pages);
    void* foreign = foreign_cache.allocate().release_value();
    PhysAddr raw_frame = machine.frames.allocate(0).release_value();
    void* raw_page = machine.frames.window().to_virt(raw_frame);

    CHECK_FALSE(aborts([&] { heap.free(small); }));
    CHECK(aborts([&] {
        heap.free(small);
        heap.free(small);
    }));
    CHECK(aborts([&] {
        heap.free(large);
        heap.free(large);
    }));
    CHECK(aborts([&] { heap.free(foreign); })); // another cache's object
    CHECK(aborts([&] { heap.free(raw_page); })); // frames the heap did not hand out
    CHECK(aborts([&] { heap.free(large + kPage); })); // the middle of a large block
    CHECK(aborts([&] { heap.free(large + 64); }));
    CHECK(aborts([&] {
        void* slab_page = reinterpret_cast<void*>(reinterpret_cast<uintptr_t>(small) & ~(kPage - 1));
        heap.free(slab_page); // a slab's own page
    }));
    CHECK(aborts([&] { heap.free(nullptr); }));
    CHECK(aborts([&] { heap.~Heap(); })); // blocks still in use

    machine.frames.free(raw_frame);
    foreign_cache.free(foreign);
    heap.free(large);
    heap.free(small);
}

TEST_CASE("the kernel heap functions", "[heap]")
{
    // The global heap outlives this test, so its memory must too.
    static Machine machine(0, 16 * kMiB);
    kern::heap_init(machine.pages, machine.frames);
    CHECK(kern::heap_bytes_in_use() == 0);
    void* small = kern::heap_allocate(24).release_value();
    void* large = kern::heap_allocate(10000).release_value();
    CHECK(kern::heap_bytes_in_use() == 32 + 3 * kPage); // 10000 bytes: exactly 3 pages
    CHECK(kern::heap_allocate(0).error() == Error::invalid_argument);
    std::memset(small, 1, 24);
    std::memset(large, 2, 10000);
    CHECK(aborts([] { kern::heap_init(machine.pages, machine.frames); })); // not empty
    kern::heap_free(large);
    kern::heap_free(small);
    CHECK(kern::heap_bytes_in_use() == 0);
    // An empty heap may be set up again.
    kern::heap_init(machine.pages, machine.frames);
    kern::heap_free(kern::heap_allocate(5).release_value());
    CHECK(kern::heap_bytes_in_use() == 0);
}
