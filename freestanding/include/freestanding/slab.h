// Slab caches: fixed-size objects (the kernel's ports, tasks, threads,
// payload records and heap blocks; lib/heap's small blocks in user space)
// packed into single 4 KiB pages.
//
// Each slab is one page: a header at its start, then the objects. Because
// the header sits at the start of the page, the cache of any object is
// found by rounding its address down to the page, and no object ever starts
// on a page boundary (the heap relies on that). Free objects are tracked by a
// bitmap in the header, not by links inside the objects, so a stray write
// into a freed object cannot corrupt the cache, and a double free is caught.
#pragma once

#include <freestanding/result.h>
#include <freestanding/spinlock.h>
#include <stddef.h>
#include <stdint.h>

#include <new>
#include <utility>

namespace freestanding {

// Where slab caches get their pages.
class PageProvider {
public:
    // A 4 KiB page aligned to 4 KiB, or no_memory.
    virtual Result<void*> allocate_page() = 0;
    // Gives back a page from allocate_page().
    virtual void free_page(void* page) = 0;

protected:
    ~PageProvider() = default;
};

// A snapshot of one cache, for ps-like tools and tests.
struct SlabStats {
    const char* name;
    size_t object_size; // as the cache was asked for
    size_t objects_in_use;
    size_t object_capacity; // objects the slabs held now can take
    size_t slabs;
    size_t bytes; // slabs * page size
};

class SlabCache {
public:
    static constexpr size_t kMaxObjectSize = 2048;

    // A cache of objects of `object_size` bytes (1..kMaxObjectSize) aligned
    // to `alignment` (a power of two; at least 8 is used). `name` must
    // outlive the cache. The cache joins the registry; it takes no page yet.
    SlabCache(const char* name, size_t object_size, size_t alignment, PageProvider& provider);
    // The cache must be empty; its spare slab goes back to the provider.
    ~SlabCache();
    SlabCache(const SlabCache&) = delete;
    SlabCache& operator=(const SlabCache&) = delete;

    // An uninitialised object, or no_memory if the provider has no page.
    Result<void*> allocate();

    // Returns an object from allocate() of this cache (checked, as is a double free).
    void free(void* object);

    // The cache that `object` (from some SlabCache::allocate) belongs to.
    static SlabCache& cache_of(const void* object);

    SlabStats stats() const;
    const char* name() const { return m_name; }
    size_t objects_per_slab() const { return m_objects_per_slab; }

private:
    struct Slab;
    friend void for_each_slab_cache(void (*)(const SlabStats&, void*), void*);

    Result<Slab*> take_slab();
    void release_slab(Slab* slab);
    static void push(Slab*& list, Slab* slab);
    static void remove(Slab*& list, Slab* slab);

    const char* m_name;
    size_t m_object_size;
    size_t m_stride; // bytes from one object to the next
    size_t m_first_offset; // of the first object from the slab's start
    size_t m_objects_per_slab;
    PageProvider& m_provider;

    mutable Spinlock m_lock; // guards everything below and the slabs' headers
    Slab* m_partial = nullptr; // some objects free
    Slab* m_full = nullptr; // no object free
    Slab* m_spare = nullptr; // one empty slab kept to damp allocate/free flapping
    size_t m_slab_count = 0;
    size_t m_in_use = 0;

    // The registry of all caches (guarded by the registry's lock).
    SlabCache* m_registry_next = nullptr;
    SlabCache* m_registry_prev = nullptr;
};

// Calls visit(stats, context) for every slab cache. The registry is locked
// meanwhile: `visit` must not create or destroy caches.
void for_each_slab_cache(void (*visit)(const SlabStats&, void*), void* context);

// The same with any callable taking (const SlabStats&).
template <typename Visit> void for_each_slab_cache(Visit visit)
{
    for_each_slab_cache([](const SlabStats& stats, void* context) { (*static_cast<Visit*>(context))(stats); }, &visit);
}

// A slab cache for objects of type T, constructed and destroyed in place.
template <typename T> class ObjectCache {
public:
    static_assert(sizeof(T) <= SlabCache::kMaxObjectSize, "too large for a slab: use the heap");

    ObjectCache(const char* name, PageProvider& provider)
        : m_cache(name, sizeof(T), alignof(T), provider)
    {
    }

    // A new T built from `args`, or no_memory.
    template <typename... Args> Result<T*> create(Args&&... args)
    {
        void* memory = TRY(m_cache.allocate());
        return new (memory) T(std::forward<Args>(args)...);
    }

    // Destroys an object from create() and returns its memory.
    void destroy(T* object)
    {
        object->~T();
        m_cache.free(object);
    }

    SlabStats stats() const { return m_cache.stats(); }

private:
    SlabCache m_cache;
};

} // namespace freestanding
