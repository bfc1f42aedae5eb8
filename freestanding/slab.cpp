// Slab caches. Lock order: the registry lock, then a cache's lock.
#include <freestanding/assert.h>
#include <freestanding/page.h>
#include <freestanding/slab.h>

#if defined(PORTICO_HOST) && defined(__SANITIZE_ADDRESS__)
// In host tests, free objects are poisoned so AddressSanitizer reports a use after free.
#include <sanitizer/asan_interface.h>
#define POISON(address, size) ASAN_POISON_MEMORY_REGION(address, size)
#define UNPOISON(address, size) ASAN_UNPOISON_MEMORY_REGION(address, size)
#else
#define POISON(address, size) ((void)(address), (void)(size))
#define UNPOISON(address, size) ((void)(address), (void)(size))
#endif

namespace freestanding {

namespace {

constexpr uint32_t kSlabMagic = 0x51ab51ab;
constexpr size_t kBitmapWords = 8; // 512 objects: enough for 8-byte objects in a page

Spinlock g_registry_lock;
SlabCache* g_registry_first = nullptr;

} // namespace

struct SlabCache::Slab {
    SlabCache* cache;
    Slab* next;
    Slab* prev;
    uint32_t magic; // tells a slab header from any other page
    uint32_t in_use;
    uint64_t free_bitmap[kBitmapWords]; // bit set: object free
};

SlabCache::SlabCache(const char* name, size_t object_size, size_t alignment, PageProvider& provider)
    : m_name(name)
    , m_object_size(object_size)
    , m_provider(provider)
{
    ASSERT(object_size >= 1 && object_size <= kMaxObjectSize);
    ASSERT(alignment != 0 && (alignment & (alignment - 1)) == 0);
    // Alignment 8 at least keeps every object word-aligned.
    size_t align = alignment < 8 ? 8 : alignment;
    m_stride = align_up(object_size, align);
    m_first_offset = align_up(sizeof(Slab), align);
    ASSERT(m_first_offset < kPageSize);
    m_objects_per_slab = (kPageSize - m_first_offset) / m_stride;
    ASSERT(m_objects_per_slab >= 1 && m_objects_per_slab <= kBitmapWords * 64);

    SpinlockGuard guard(g_registry_lock);
    m_registry_next = g_registry_first;
    if (g_registry_first != nullptr)
        g_registry_first->m_registry_prev = this;
    g_registry_first = this;
}

SlabCache::~SlabCache()
{
    ASSERT(m_in_use == 0 && m_partial == nullptr && m_full == nullptr);
    if (m_spare != nullptr)
        release_slab(m_spare);
    SpinlockGuard guard(g_registry_lock);
    if (m_registry_prev != nullptr)
        m_registry_prev->m_registry_next = m_registry_next;
    else
        g_registry_first = m_registry_next;
    if (m_registry_next != nullptr)
        m_registry_next->m_registry_prev = m_registry_prev;
}

void SlabCache::push(Slab*& list, Slab* slab)
{
    slab->prev = nullptr;
    slab->next = list;
    if (list != nullptr)
        list->prev = slab;
    list = slab;
}

void SlabCache::remove(Slab*& list, Slab* slab)
{
    if (slab->prev != nullptr)
        slab->prev->next = slab->next;
    else
        list = slab->next;
    if (slab->next != nullptr)
        slab->next->prev = slab->prev;
}

// A slab with a free object: a partial one, the spare, or a new page.
Result<SlabCache::Slab*> SlabCache::take_slab()
{
    if (m_partial != nullptr)
        return m_partial;
    if (m_spare != nullptr) {
        Slab* slab = m_spare;
        m_spare = nullptr;
        push(m_partial, slab);
        return slab;
    }
    void* page = TRY(m_provider.allocate_page());
    ASSERT(reinterpret_cast<uintptr_t>(page) % kPageSize == 0);
    Slab* slab = new (page) Slab { this, nullptr, nullptr, kSlabMagic, 0, {} };
    for (size_t i = 0; i < m_objects_per_slab; ++i)
        slab->free_bitmap[i / 64] |= 1ull << (i % 64);
    POISON(static_cast<char*>(page) + m_first_offset, kPageSize - m_first_offset);
    push(m_partial, slab);
    ++m_slab_count;
    return slab;
}

void SlabCache::release_slab(Slab* slab)
{
    slab->magic = 0;
    UNPOISON(slab, kPageSize);
    --m_slab_count;
    m_provider.free_page(slab);
}

Result<void*> SlabCache::allocate()
{
    SpinlockGuard guard(m_lock);
    Slab* slab = TRY(take_slab());
    size_t word = 0;
    while (slab->free_bitmap[word] == 0)
        ++word;
    size_t index = word * 64 + __builtin_ctzll(slab->free_bitmap[word]);
    slab->free_bitmap[word] &= ~(1ull << (index % 64));
    if (++slab->in_use == m_objects_per_slab) {
        remove(m_partial, slab);
        push(m_full, slab);
    }
    ++m_in_use;
    void* object = reinterpret_cast<char*>(slab) + m_first_offset + index * m_stride;
    UNPOISON(object, m_object_size);
    return object;
}

SlabCache& SlabCache::cache_of(const void* object)
{
    ASSERT(object != nullptr);
    const Slab* slab = reinterpret_cast<const Slab*>(align_down(reinterpret_cast<uintptr_t>(object), kPageSize));
    ASSERT(slab->magic == kSlabMagic);
    return *slab->cache;
}

void SlabCache::free(void* object)
{
    ASSERT(&cache_of(object) == this);
    Slab* slab = reinterpret_cast<Slab*>(align_down(reinterpret_cast<uintptr_t>(object), kPageSize));
    size_t offset = reinterpret_cast<uintptr_t>(object) - reinterpret_cast<uintptr_t>(slab);
    ASSERT(offset >= m_first_offset && (offset - m_first_offset) % m_stride == 0);
    size_t index = (offset - m_first_offset) / m_stride;
    ASSERT(index < m_objects_per_slab);

    SpinlockGuard guard(m_lock);
    uint64_t bit = 1ull << (index % 64);
    ASSERT((slab->free_bitmap[index / 64] & bit) == 0); // a double free
    slab->free_bitmap[index / 64] |= bit;
    POISON(object, m_object_size);
    --m_in_use;
    if (slab->in_use-- == m_objects_per_slab) {
        remove(m_full, slab);
        push(m_partial, slab);
    }
    if (slab->in_use == 0) {
        remove(m_partial, slab);
        if (m_spare == nullptr)
            m_spare = slab;
        else
            release_slab(slab);
    }
}

SlabStats SlabCache::stats() const
{
    SpinlockGuard guard(m_lock);
    return SlabStats { m_name, m_object_size, m_in_use, m_slab_count * m_objects_per_slab, m_slab_count,
        m_slab_count * kPageSize };
}

void for_each_slab_cache(void (*visit)(const SlabStats&, void*), void* context)
{
    SpinlockGuard guard(g_registry_lock);
    for (SlabCache* cache = g_registry_first; cache != nullptr; cache = cache->m_registry_next)
        visit(cache->stats(), context);
}

} // namespace freestanding
