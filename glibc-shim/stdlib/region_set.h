// region_set.h: the set of 64 KiB-aligned regions malloc owns, so that
// free() can tell its own pointers from stray ones without touching
// memory that may not be mapped.
#pragma once

#include <stddef.h>
#include <stdint.h>

namespace shim::heap {

// An open-addressing hash set of region base addresses (non-zero,
// 64 KiB-aligned), stored in pages from __portico_pages.
class RegionSet {
public:
    // Adds base; false when the table could not grow (no memory).
    [[nodiscard]] bool insert(uintptr_t base);
    // Removes base if present.
    void remove(uintptr_t base);
    bool contains(uintptr_t base) const;
    // Bytes of pages the table itself occupies (for overhead figures).
    size_t table_bytes() const { return m_capacity * sizeof(uintptr_t); }

private:
    static constexpr uintptr_t k_empty = 0;
    static constexpr uintptr_t k_removed = 1;

    size_t slot_of(uintptr_t base) const;
    [[nodiscard]] bool rebuild(size_t capacity);

    uintptr_t* m_slots = nullptr;
    size_t m_capacity = 0; // a power of two, or 0
    size_t m_live = 0;
    size_t m_removed = 0;
};

} // namespace shim::heap
