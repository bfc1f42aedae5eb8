#include <freestanding/text.h>
#include <heap/heap.h>
#include <runtime/mach.h>

#ifdef PORTICO_HOST
#include <cstdlib>
#endif

namespace heap {
namespace {

constexpr size_t kPageSize = 4096;
constexpr size_t kSmallestClass = 16;
constexpr size_t kLargestSmall = freestanding::SlabCache::kMaxObjectSize;
constexpr size_t kClasses = 8; // 16, 32, ... 2048

#ifdef PORTICO_HOST
// On the host the caches are the process's, shared by the tasks of the host
// kernel (which die before the process does): their pages are the process's too.
Result<void*> allocate_pages(size_t bytes)
{
    void* pages = std::aligned_alloc(kPageSize, bytes);
    if (!pages)
        return Error::no_memory;
    return pages;
}

void free_pages(void* start, size_t) { std::free(start); }
#else
mach::PortName self_task()
{
    mach::SelfPorts self {};
    (void)mach::self_ports(&self);
    return self.task;
}

Result<void*> allocate_pages(size_t bytes)
{
    uint64_t address = 0;
    if (Error e = mach::vm_allocate(self_task(), &address, bytes, mach::kVmAnywhere); e != Error::none)
        return e == Error::no_space ? Error::no_memory : e;
    return reinterpret_cast<void*>(address);
}

void free_pages(void* start, size_t bytes)
{
    (void)mach::vm_deallocate(self_task(), reinterpret_cast<uint64_t>(start), bytes);
}
#endif

class TaskPages final : public freestanding::PageProvider {
public:
    Result<void*> allocate_page() override { return allocate_pages(kPageSize); }
    void free_page(void* page) override { free_pages(page, kPageSize); }
};

TaskPages g_pages;

const char* const kClassNames[kClasses]
    = { "heap.16", "heap.32", "heap.64", "heap.128", "heap.256", "heap.512", "heap.1024", "heap.2048" };

// The caches of the small size classes, made on first use.
freestanding::SlabCache& class_cache(size_t index)
{
    alignas(freestanding::SlabCache) static unsigned char storage[kClasses][sizeof(freestanding::SlabCache)];
    static bool made[kClasses] = {};
    static freestanding::Spinlock lock;
    freestanding::SpinlockGuard guard(lock);
    if (!made[index]) {
        new (storage[index]) freestanding::SlabCache(kClassNames[index], kSmallestClass << index, 16, g_pages);
        made[index] = true;
    }
    return *reinterpret_cast<freestanding::SlabCache*>(storage[index]);
}

size_t class_of(size_t size)
{
    size_t index = 0;
    while ((kSmallestClass << index) < size)
        index++;
    return index;
}

// A large block: the page before it holds its size (slab objects never
// start on a page boundary, so free() tells them apart).
struct LargeHeader {
    size_t bytes; // all pages, the header's included
};

} // namespace

freestanding::PageProvider& pages() { return g_pages; }

Result<void*> allocate(size_t size)
{
    if (size == 0)
        size = 1;
    if (size <= kLargestSmall)
        return class_cache(class_of(size)).allocate();
    if (size > (size_t(1) << 40))
        return Error::no_memory;
    size_t bytes = kPageSize + ((size + kPageSize - 1) & ~(kPageSize - 1));
    void* start = TRY(allocate_pages(bytes));
    static_cast<LargeHeader*>(start)->bytes = bytes;
    return static_cast<char*>(start) + kPageSize;
}

Result<char*> copy_text(const char* text)
{
    size_t length = freestanding::text_length(text);
    char* copy = static_cast<char*>(TRY(allocate(length + 1)));
    __builtin_memcpy(copy, text, length + 1);
    return copy;
}

void free(void* block)
{
    if (!block)
        return;
    if (reinterpret_cast<uintptr_t>(block) % kPageSize != 0) {
        freestanding::SlabCache::cache_of(block).free(block);
        return;
    }
    void* start = static_cast<char*>(block) - kPageSize;
    free_pages(start, static_cast<LargeHeader*>(start)->bytes);
}

} // namespace heap
