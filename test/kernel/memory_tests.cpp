// Self tests of the booted kernel's memory: the real frame allocator behind
// the direct map, a scratch page table, slab caches and the heap. Each test
// leaves the counters where it found them.
#include <freestanding/slab.h>
#include <freestanding/string.h>
#include <kernel/ktest.h>
#include <vm/frame_allocator.h>
#include <vm/heap.h>
#include <vm/page_table.h>
#include <vm/phys_window.h>

namespace {

// Fills a frame block through the direct map and checks it reads back.
bool write_and_check(PhysAddr block, size_t bytes, uint8_t seed)
{
    uint8_t* memory = static_cast<uint8_t*>(vm::PhysWindow::direct_map().to_virt(block));
    for (size_t i = 0; i < bytes; ++i)
        memory[i] = static_cast<uint8_t>(seed + i * 13);
    for (size_t i = 0; i < bytes; ++i) {
        if (memory[i] != static_cast<uint8_t>(seed + i * 13))
            return false;
    }
    return true;
}

struct Counted {
    static inline int alive = 0;
    explicit Counted(uint64_t v)
        : value(v)
    {
        ++alive;
    }
    ~Counted() { --alive; }
    uint64_t value;
    uint64_t padding[5];
};

} // namespace

KTEST(memory_frames_round_trip)
{
    vm::FrameAllocator& frames = vm::frame_allocator();
    size_t baseline = frames.free_frames();
    KEXPECT(frames.total_frames() > 0);
    KEXPECT(baseline > 0 && baseline <= frames.total_frames());
    KEXPECT(frames.free_frames(vm::Zone::low) + frames.free_frames(vm::Zone::high) == baseline);

    PhysAddr blocks[vm::FrameAllocator::kMaxOrder + 1] = {};
    for (unsigned order = 0; order <= vm::FrameAllocator::kMaxOrder; order += 2) {
        Result<PhysAddr> block = frames.allocate(order);
        KEXPECT(block.ok());
        if (!block.ok())
            continue;
        blocks[order] = block.value();
        KEXPECT(block.value() % (vm::kPageSize << order) == 0);
        KEXPECT(block.value() >= 0x100000);
        KEXPECT(frames.frame(block.value()).state() == vm::FrameState::allocated);
        KEXPECT(frames.frame(block.value()).order() == order);
        KEXPECT(write_and_check(block.value(), vm::kPageSize << order, static_cast<uint8_t>(order)));
    }
    Result<PhysAddr> low = frames.allocate(0, vm::Zone::low);
    KEXPECT(low.ok() && low.value() < (1ull << 32));
    for (unsigned order = 0; order <= vm::FrameAllocator::kMaxOrder; order += 2) {
        if (blocks[order] != 0)
            frames.free(blocks[order], order);
    }
    if (low.ok())
        frames.free(low.value());
    KEXPECT(frames.free_frames() == baseline);
}

KTEST(memory_scratch_page_table)
{
    vm::FrameAllocator& frames = vm::frame_allocator();
    size_t baseline = frames.free_frames();
    Result<vm::PageTable> created = vm::PageTable::create(frames, vm::PhysWindow::direct_map());
    KEXPECT(created.ok());
    if (!created.ok())
        return;
    vm::PageTable& table = created.value();
    PhysAddr page = frames.allocate(0).release_value();
    const VirtAddr user = 0x0000400000001000;
    KEXPECT(table.map(user, page, vm::PageSize::k4K, vm::PageFlags::user | vm::PageFlags::writable).ok());
    Result<vm::Translation> translation = table.translate(user + 0x42);
    KEXPECT(translation.ok() && translation.value().phys == page + 0x42);
    KEXPECT(table.map(user, page, vm::PageSize::k4K, vm::PageFlags::none).error() == Error::already_exists);
    KEXPECT(table.map_range(0xffffc00000000000, 0, 4 * vm::kLargePageSize, vm::PageFlags::global).ok());
    KEXPECT(table.translate(0xffffc00000654321).value().size == vm::PageSize::k2M);
    KEXPECT(table.unmap(user).ok());
    KEXPECT(table.translate(user).error() == Error::not_found);
    table.destroy();
    frames.free(page);
    KEXPECT(frames.free_frames() == baseline);
}

KTEST(memory_slab_cache_round_trip)
{
    freestanding::SlabCache cache("ktest-slab", 96, 32, kern::kernel_page_provider());
    const size_t count = cache.objects_per_slab() * 2 + 3;
    void* objects[256];
    KEXPECT(count <= 256);
    for (size_t i = 0; i < count && i < 256; ++i) {
        objects[i] = cache.allocate().release_value();
        KEXPECT(reinterpret_cast<uintptr_t>(objects[i]) % 32 == 0);
        memset(objects[i], static_cast<int>(i), 96);
    }
    freestanding::SlabStats stats = cache.stats();
    KEXPECT(stats.objects_in_use == count);
    KEXPECT(stats.slabs == 3);
    KEXPECT(stats.bytes == 3 * vm::kPageSize);
    bool listed = false;
    freestanding::for_each_slab_cache(
        [&](const freestanding::SlabStats& s) { listed |= strcmp(s.name, "ktest-slab") == 0; });
    KEXPECT(listed);
    for (size_t i = 0; i < count && i < 256; ++i) {
        KEXPECT(static_cast<uint8_t*>(objects[i])[95] == static_cast<uint8_t>(i));
        cache.free(objects[i]);
    }
    KEXPECT(cache.stats().objects_in_use == 0);
    KEXPECT(cache.stats().slabs == 1); // the spare

    freestanding::ObjectCache<Counted> typed("ktest-objects", kern::kernel_page_provider());
    Counted* object = typed.create(7).release_value();
    KEXPECT(object->value == 7 && Counted::alive == 1);
    typed.destroy(object);
    KEXPECT(Counted::alive == 0);
}

KTEST(memory_heap_round_trip)
{
    size_t baseline = kern::heap_bytes_in_use();
    const size_t sizes[] = { 1, 16, 17, 100, 512, 2000, 2048, 2049, 5000, 70000, 1024 * 1024 };
    void* blocks[sizeof(sizes) / sizeof(sizes[0])] = {};
    for (size_t i = 0; i < sizeof(sizes) / sizeof(sizes[0]); ++i) {
        Result<void*> block = kern::heap_allocate(sizes[i]);
        KEXPECT(block.ok());
        if (!block.ok())
            continue;
        blocks[i] = block.value();
        KEXPECT(reinterpret_cast<uintptr_t>(blocks[i]) % 16 == 0);
        memset(blocks[i], static_cast<int>(i + 1), sizes[i]);
    }
    KEXPECT(kern::heap_bytes_in_use() > baseline);
    for (size_t i = 0; i < sizeof(sizes) / sizeof(sizes[0]); ++i) {
        if (blocks[i] == nullptr)
            continue;
        const uint8_t* bytes = static_cast<const uint8_t*>(blocks[i]);
        KEXPECT(bytes[0] == i + 1 && bytes[sizes[i] - 1] == i + 1);
        kern::heap_free(blocks[i]);
    }
    KEXPECT(kern::heap_allocate(0).error() == Error::invalid_argument);
    KEXPECT(kern::heap_bytes_in_use() == baseline);
}

extern "C" char __kernel_phys_start[], __kernel_end[];

// The frames of the kernel image are never the allocator's to hand out (a
// reserved range computed wrongly once let the heap overwrite kernel code).
KTEST(memory_kernel_image_is_reserved)
{
    vm::FrameAllocator& frames = vm::frame_allocator();
    PhysAddr start = reinterpret_cast<uint64_t>(__kernel_phys_start);
    PhysAddr end = reinterpret_cast<uint64_t>(__kernel_end) - vm::kKernelBase;
    KEXPECT(start < end);
    for (PhysAddr page = start; page < end; page += vm::kPageSize)
        KEXPECT(frames.frame(page).state() == vm::FrameState::unusable);
}
