// Memory for user-space servers, translators and libraries. Blocks up to
// 2048 bytes come from slab caches of power-of-two sizes (freestanding/slab.h,
// shared with the kernel); larger ones are runs of pages of their own,
// after a page that records their size. Objects of one type that are made
// by the thousand (open files, nodes) get a Cache<T> of their own: exact
// size, no rounding up.
//
// Pages come from vm_allocate of the task itself. Concurrency: any thread.
#pragma once

#include <freestanding/result.h>
#include <freestanding/slab.h>
#include <stddef.h>

namespace heap {

// Where the slab caches get their pages (vm_allocate, one page at a time).
freestanding::PageProvider& pages();

// At least `size` bytes, 16-byte aligned; no_memory when out of memory.
Result<void*> allocate(size_t size);
// Returns a block from allocate() (null: nothing).
void free(void* block);

// A copy of NUL-terminated `text` (free it with free()).
Result<char*> copy_text(const char* text);

template <typename T, typename... Args> Result<T*> create(Args&&... args)
{
    void* memory = TRY(allocate(sizeof(T)));
    return new (memory) T(static_cast<Args&&>(args)...);
}

template <typename T> void destroy(T* object)
{
    if (!object)
        return;
    object->~T();
    free(object);
}

// A slab cache of T (named `name`, which must outlive it).
template <typename T> class Cache {
public:
    explicit Cache(const char* name)
        : m_cache(name, pages())
    {
    }
    template <typename... Args> Result<T*> create(Args&&... args)
    {
        return m_cache.create(static_cast<Args&&>(args)...);
    }
    void destroy(T* object) { m_cache.destroy(object); }
    freestanding::SlabStats stats() const { return m_cache.stats(); }

private:
    freestanding::ObjectCache<T> m_cache;
};

} // namespace heap
