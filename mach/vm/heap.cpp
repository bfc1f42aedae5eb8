// The kernel heap over slab caches and the frame allocator.
#include <freestanding/assert.h>
#include <vm/heap.h>

#include <new>

namespace kern {

namespace {

// Owner tags in the Frame of a block, so that a pointer freed to the wrong
// place is caught.
// A large block's first frame carries kHeapRunTag and the run's page count.
constexpr uint32_t kHeapRunTag = 1u << 28;
constexpr uint32_t kSlabPageTag = 0x51ab;

constexpr size_t kSmallestClass = 16;
constexpr const char* kClassNames[]
    = { "heap-16", "heap-32", "heap-64", "heap-128", "heap-256", "heap-512", "heap-1024", "heap-2048" };

alignas(Heap) unsigned char g_heap_storage[sizeof(Heap)];
Heap* g_heap = nullptr;

// The smallest class (0 for 16 bytes) that holds `size` bytes.
size_t class_index(size_t size)
{
    size_t index = 0;
    while ((kSmallestClass << index) < size)
        ++index;
    return index;
}

// The pages a large block of `size` bytes takes.
size_t pages_for(size_t size) { return (size + vm::kPageSize - 1) / vm::kPageSize; }

} // namespace

Result<void*> FramePageProvider::allocate_page()
{
    PhysAddr frame = TRY(m_frames.allocate(0));
    m_frames.frame(frame).set_owner_tag(kSlabPageTag);
    return m_frames.window().to_virt(frame);
}

void FramePageProvider::free_page(void* page)
{
    PhysAddr frame = m_frames.window().to_phys(page);
    ASSERT(m_frames.frame(frame).state() == vm::FrameState::allocated);
    ASSERT(m_frames.frame(frame).owner_tag() == kSlabPageTag);
    m_frames.free(frame);
}

freestanding::PageProvider& kernel_page_provider()
{
    static FramePageProvider provider(vm::frame_allocator());
    return provider;
}

Heap::Heap(freestanding::PageProvider& pages, vm::FrameAllocator& frames)
    : m_frames(frames)
{
    static_assert(kSmallestClass << (kClassCount - 1) == kMaxSmallSize);
    for (size_t i = 0; i < kClassCount; ++i)
        new (m_class_storage[i]) freestanding::SlabCache(kClassNames[i], kSmallestClass << i, kSmallestClass, pages);
}

Heap::~Heap()
{
    ASSERT(bytes_in_use() == 0);
    for (size_t i = 0; i < kClassCount; ++i)
        size_class(i).~SlabCache();
}

freestanding::SlabCache& Heap::size_class(size_t index)
{
    return *std::launder(reinterpret_cast<freestanding::SlabCache*>(m_class_storage[index]));
}

size_t Heap::footprint(size_t size)
{
    if (size <= kMaxSmallSize)
        return kSmallestClass << class_index(size ? size : 1);
    return pages_for(size) * vm::kPageSize;
}

Result<void*> Heap::allocate(size_t size)
{
    if (size == 0)
        return Error::invalid_argument;
    if (size > kMaxSize)
        return Error::no_memory;
    if (size <= kMaxSmallSize) {
        size_t index = class_index(size);
        void* block = TRY(size_class(index).allocate());
        __atomic_fetch_add(&m_bytes_in_use, kSmallestClass << index, __ATOMIC_RELAXED);
        return block;
    }
    size_t pages = pages_for(size);
    PhysAddr frames = TRY(m_frames.allocate_run(pages));
    m_frames.frame(frames).set_owner_tag(kHeapRunTag | uint32_t(pages));
    __atomic_fetch_add(&m_bytes_in_use, pages * vm::kPageSize, __ATOMIC_RELAXED);
    return m_frames.window().to_virt(frames);
}

void Heap::free(void* block)
{
    ASSERT(block != nullptr);
    if (reinterpret_cast<uintptr_t>(block) % vm::kPageSize != 0) {
        freestanding::SlabCache& cache = freestanding::SlabCache::cache_of(block);
        size_t index = 0;
        while (index < kClassCount && &size_class(index) != &cache)
            ++index;
        ASSERT(index < kClassCount); // an object of some other cache
        cache.free(block);
        __atomic_fetch_sub(&m_bytes_in_use, kSmallestClass << index, __ATOMIC_RELAXED);
        return;
    }
    PhysAddr frames = m_frames.window().to_phys(block);
    vm::Frame& head = m_frames.frame(frames);
    ASSERT(head.state() == vm::FrameState::allocated); // not a double free
    ASSERT(head.owner_tag() & kHeapRunTag);
    size_t pages = head.owner_tag() & ~kHeapRunTag;
    head.set_owner_tag(0);
    m_frames.free_run(frames, pages);
    __atomic_fetch_sub(&m_bytes_in_use, pages * vm::kPageSize, __ATOMIC_RELAXED);
}

void heap_init(freestanding::PageProvider& pages, vm::FrameAllocator& frames)
{
    if (g_heap != nullptr)
        g_heap->~Heap(); // checks that it is empty
    g_heap = new (g_heap_storage) Heap(pages, frames);
}

Result<void*> heap_allocate(size_t size)
{
    ASSERT(g_heap != nullptr);
    return g_heap->allocate(size);
}

void heap_free(void* block)
{
    ASSERT(g_heap != nullptr);
    g_heap->free(block);
}

size_t heap_bytes_in_use() { return g_heap != nullptr ? g_heap->bytes_in_use() : 0; }

} // namespace kern
