// The kernel heap: variable-size allocations for the few places that need
// them (fixed-size kernel objects use their own slab caches instead).
// Requests up to 2048 bytes come from power-of-two slab caches (16..2048,
// 16-byte aligned); larger ones are runs of exactly the frames they need
// (page-aligned, up to 4 MiB). A slab object never starts on a page
// boundary and a large block always does, so heap_free needs no size: a
// large block's page count is in its first Frame's tag, which also marks it
// as the heap's.
//
// Boot order: after vm::frame_allocator().init(...) (see vm/frame_allocator.h)
// and once the kernel's page tables map all of RAM at kDirectMapBase (both
// slab pages and large blocks may come from above 4 GiB), call
//   kern::heap_init(kern::kernel_page_provider(), vm::frame_allocator());
// Then heap_allocate/heap_free work from any CPU.
#pragma once

#include <freestanding/result.h>
#include <freestanding/slab.h>
#include <stddef.h>
#include <stdint.h>
#include <vm/frame_allocator.h>

namespace kern {

// Pages for slab caches: order-0 frames seen through the allocator's window.
class FramePageProvider final : public freestanding::PageProvider {
public:
    explicit FramePageProvider(vm::FrameAllocator& frames)
        : m_frames(frames)
    {
    }
    Result<void*> allocate_page() override;
    void free_page(void* page) override;

private:
    vm::FrameAllocator& m_frames;
};

// Pages for the kernel's slab caches, from vm::frame_allocator() through the direct map.
freestanding::PageProvider& kernel_page_provider();

class Heap {
public:
    static constexpr size_t kMaxSmallSize = 2048;
    static constexpr size_t kMaxSize = vm::kPageSize << vm::FrameAllocator::kMaxOrder;

    // Small blocks come from `pages`, large ones from `frames`.
    Heap(freestanding::PageProvider& pages, vm::FrameAllocator& frames);
    // The heap must be empty.
    ~Heap();
    Heap(const Heap&) = delete;
    Heap& operator=(const Heap&) = delete;

    // At least `size` bytes, 16-byte aligned. invalid_argument for 0,
    // no_memory when out of memory or above kMaxSize.
    Result<void*> allocate(size_t size);

    // Returns a block from allocate() (a foreign pointer or a double free is caught).
    void free(void* block);

    // What a block of `size` bytes takes: its size class, or its whole block of frames.
    static size_t footprint(size_t size);

    // Bytes handed out and not freed, counted in whole size classes or frame blocks.
    size_t bytes_in_use() const { return __atomic_load_n(&m_bytes_in_use, __ATOMIC_RELAXED); }

private:
    static constexpr size_t kClassCount = 8; // 16, 32, ..., 2048

    freestanding::SlabCache& size_class(size_t index);

    alignas(freestanding::SlabCache) unsigned char m_class_storage[kClassCount][sizeof(freestanding::SlabCache)];
    vm::FrameAllocator& m_frames;
    size_t m_bytes_in_use = 0; // updated atomically: the caches have their own locks
};

// Sets up the kernel heap over `pages` and `frames`. Called once at boot;
// host tests may call it again while the heap is empty.
void heap_init(freestanding::PageProvider& pages, vm::FrameAllocator& frames);

// heap_init()'s heap: see Heap::allocate, Heap::free, Heap::bytes_in_use.
Result<void*> heap_allocate(size_t size);
void heap_free(void* block);
size_t heap_bytes_in_use();

} // namespace kern
