// Benchmarks of the kernel's memory management, in guest instructions per
// operation (see bench/kbench.h).
#include <bench/kbench.h>
#include <freestanding/slab.h>
#include <vm/frame_allocator.h>
#include <vm/heap.h>
#include <vm/page_table.h>

namespace {

constexpr uint64_t kIterations = 10000;

} // namespace

KBENCH(frame_alloc_free)
{
    vm::FrameAllocator& frames = vm::frame_allocator();
    uint64_t per_pair = kern::instructions_per_operation(kIterations, [&] {
        Result<PhysAddr> frame = frames.allocate(0);
        if (frame.ok())
            frames.free(frame.value());
    });
    kern::bench_report("frame_alloc_free", per_pair, "insn/op");
    kern::bench_report("frame_entry_bytes", sizeof(vm::Frame), "bytes");
}

KBENCH(slab_alloc_free)
{
    freestanding::SlabCache cache("bench-64", 64, 8, kern::kernel_page_provider());
    uint64_t per_pair = kern::instructions_per_operation(kIterations, [&] {
        Result<void*> object = cache.allocate();
        if (object.ok())
            cache.free(object.value());
    });
    kern::bench_report("slab_alloc_free", per_pair, "insn/op");
}

KBENCH(heap_alloc_free)
{
    uint64_t small = kern::instructions_per_operation(kIterations, [] {
        Result<void*> block = kern::heap_allocate(64);
        if (block.ok())
            kern::heap_free(block.value());
    });
    kern::bench_report("heap_alloc_free_64", small, "insn/op");
    uint64_t large = kern::instructions_per_operation(kIterations / 10, [] {
        Result<void*> block = kern::heap_allocate(16384);
        if (block.ok())
            kern::heap_free(block.value());
    });
    kern::bench_report("heap_alloc_free_16k", large, "insn/op");
}

KBENCH(page_map_unmap)
{
    Result<vm::PageTable> created = vm::PageTable::create(vm::frame_allocator(), vm::PhysWindow::direct_map());
    if (!created.ok())
        return;
    vm::PageTable& table = created.value();
    constexpr VirtAddr kWhere = 0x0000400000000000;
    constexpr PhysAddr kFrame = 0x200000;
    uint64_t per_pair = kern::instructions_per_operation(kIterations, [&] {
        if (table.map(kWhere, kFrame, vm::PageSize::k4K, vm::PageFlags::user).ok())
            (void)table.unmap(kWhere);
    });
    kern::bench_report("page_map_unmap", per_pair, "insn/op");
    table.destroy();
}
