// What used to crash the kernel or the program through the region table
// (issue 13, hole 1) and the kernel heap (hole 6), done as an ordinary task:
//  - hundreds of small allocations kept apart by protection changes (as
//    malloc's pattern of 8 KiB blocks was), then freed;
//  - a thousand growing reallocations (as a growing environment);
//  - hundreds of deallocate cuts in the middle of one region, whose other
//    pages keep their bytes;
//  - a cut in the middle of a region when the old 64-slot table would have
//    been full;
//  - a recursion that uses about 7 MiB of stack;
//  - memory_object_create(256 MiB) again and again: refused (no_space)
//    once the task's own limit is reached, and the task goes on working.
// Everything runs twice; after the second round the free-frame count must
// be back where it was after the first (nothing leaked, nothing freed twice).
#include "checks.h"

using namespace test_checks;
using mach::PortName;

namespace {

mach::SelfPorts g_self;
constexpr uint64_t kPage = 4096;

uint64_t allocate(uint64_t size)
{
    uint64_t address = 0;
    return mach::vm_allocate(g_self.task, &address, size, mach::kVmAnywhere) == Error::none ? address : 0;
}

volatile uint8_t* bytes(uint64_t address) { return reinterpret_cast<volatile uint8_t*>(address); }

void many_small_blocks()
{
    constexpr int kBlocks = 200;
    uint64_t blocks[kBlocks] = {};
    bool ok = true;
    for (int i = 0; i < kBlocks; i++) {
        blocks[i] = allocate(2 * kPage);
        ok = ok && blocks[i] != 0;
        if (!blocks[i])
            break;
        bytes(blocks[i])[0] = uint8_t(i);
        // A read-only second page: no two blocks merge into one region.
        ok = ok && mach::vm_protect(g_self.task, blocks[i] + kPage, kPage, mach::kVmRead) == Error::none;
    }
    for (int i = 0; i < kBlocks && blocks[i]; i++)
        ok = ok && bytes(blocks[i])[0] == uint8_t(i);
    for (int i = 0; i < kBlocks && blocks[i]; i++)
        ok = ok && mach::vm_deallocate(g_self.task, blocks[i], 2 * kPage) == Error::none;
    check(ok, "two_hundred_8k_blocks_apart");
}

void growing_reallocations()
{
    bool ok = true;
    uint64_t previous = 0, previous_size = 0;
    for (int i = 0; i < 1000 && ok; i++) {
        uint64_t size = (1 + i % 24) * kPage;
        uint64_t next = allocate(size);
        ok = next != 0;
        if (!ok)
            break;
        bytes(next)[size - 1] = uint8_t(i);
        if (previous) {
            ok = bytes(previous)[previous_size - 1] == uint8_t(i - 1);
            (void)mach::vm_deallocate(g_self.task, previous, previous_size);
        }
        previous = next;
        previous_size = size;
    }
    if (previous)
        (void)mach::vm_deallocate(g_self.task, previous, previous_size);
    check(ok, "a_thousand_growing_reallocations");
}

void cuts_in_the_middle()
{
    constexpr uint64_t kPages = 1024;
    uint64_t region = allocate(kPages * kPage);
    bool ok = region != 0;
    for (uint64_t i = 0; ok && i < kPages; i++)
        bytes(region + i * kPage)[8] = uint8_t(i * 7);
    // Every other page from the middle outwards: 512 cuts, 512 regions.
    for (uint64_t step = 0; ok && step < kPages / 2; step++) {
        uint64_t page = 2 * ((kPages / 4 + step) % (kPages / 2)) + 1;
        Error cut = mach::vm_deallocate(g_self.task, region + page * kPage, kPage);
        ok = cut == Error::none;
    }
    for (uint64_t i = 0; ok && i < kPages; i += 2)
        ok = bytes(region + i * kPage)[8] == uint8_t(i * 7);
    if (region)
        (void)mach::vm_deallocate(g_self.task, region, kPages * kPage);
    check(ok, "five_hundred_cuts_in_one_region");
}

void cut_when_the_old_table_was_full()
{
    // 70 regions of alternating protection, then a cut in the middle of one.
    constexpr uint64_t kPieces = 70;
    uint64_t region = allocate(kPieces * 4 * kPage);
    bool ok = region != 0;
    for (uint64_t i = 1; ok && i < kPieces; i += 2)
        ok = mach::vm_protect(g_self.task, region + i * 4 * kPage, 4 * kPage, mach::kVmRead) == Error::none;
    for (uint64_t i = 0; ok && i < kPieces; i += 2)
        bytes(region + i * 4 * kPage + kPage)[0] = 0x42;
    ok = ok && mach::vm_deallocate(g_self.task, region + 2 * kPage, kPage) == Error::none;
    ok = ok && mach::vm_protect(g_self.task, region + 9 * kPage, kPage, mach::kVmRead) == Error::none;
    for (uint64_t i = 0; ok && i < kPieces; i += 2)
        ok = bytes(region + i * 4 * kPage + kPage)[0] == 0x42;
    if (region)
        (void)mach::vm_deallocate(g_self.task, region, kPieces * 4 * kPage);
    check(ok, "cut_past_the_old_region_limit");
}

// About 1 KiB of stack a level; the sum proves every level ran.
__attribute__((noinline)) uint64_t recurse(uint64_t depth)
{
    volatile uint8_t frame[1000];
    frame[0] = uint8_t(depth);
    frame[999] = uint8_t(depth >> 8);
    if (depth == 0)
        return 0;
    return recurse(depth - 1) + frame[0] + (uint64_t(frame[999]) << 8);
}

void deep_recursion()
{
    constexpr uint64_t kDepth = 7000; // ~7 MiB
    check(recurse(kDepth) == kDepth * (kDepth + 1) / 2, "seven_mib_of_stack");
}

void object_limit()
{
    constexpr int kTries = 6000;
    static PortName objects[kTries];
    int made = 0;
    Error refused = Error::none;
    for (; made < kTries; made++) {
        refused = mach::memory_object_create(256ull << 20, &objects[made]);
        if (refused != Error::none)
            break;
    }
    mach::Line() << "memory objects of 256 MiB made before a refusal: " << int64_t(made);
    check(made < kTries && refused == Error::no_space, "object_flood_refused_with_no_space");
    for (int i = 0; i < made; i++)
        (void)mach::port_deallocate(g_self.task, objects[i]);
    // The kernel frees an object when it serves the no-senders notification: soon, not at once.
    PortName again = 0;
    Error status = Error::no_space;
    for (int wait = 0; wait < 100 && status == Error::no_space; wait++) {
        status = mach::memory_object_create(256ull << 20, &again);
        if (status == Error::no_space)
            (void)mach::thread_sleep(10'000'000);
    }
    check(status == Error::none, "objects_again_after_the_flood");
    (void)mach::port_deallocate(g_self.task, again);
}

void round()
{
    many_small_blocks();
    growing_reallocations();
    cuts_in_the_middle();
    cut_when_the_old_table_was_full();
    deep_recursion();
    object_limit();
}

} // namespace

int main(int, char**, char**)
{
    (void)mach::self_ports(&g_self);
    round(); // the first round also warms up what the kernel keeps (caches, tables, stack pages)
    (void)mach::thread_sleep(200'000'000); // the last objects' notifications are served
    mach::HostStatistics baseline = host_statistics(g_self.host);
    round();
    (void)mach::thread_sleep(200'000'000);
    mach::HostStatistics after = host_statistics(g_self.host);
    mach::Line() << "free frames " << after.free_frames << " (baseline " << baseline.free_frames << ")";
    check(after.free_frames == baseline.free_frames, "frames_back_to_baseline");
    return finish();
}
