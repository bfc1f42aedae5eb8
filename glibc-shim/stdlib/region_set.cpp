// The set of malloc's regions (see region_set.h).
#include <internal/portico.h>
#include <stdlib/region_set.h>

namespace shim::heap {

size_t RegionSet::slot_of(uintptr_t base) const
{
    // Bases are 64 KiB apart at least: drop the zero bits, then mix.
    uint64_t hash = (static_cast<uint64_t>(base) >> 16) * 0x9e3779b97f4a7c15ULL;
    return static_cast<size_t>(hash >> 20) & (m_capacity - 1);
}

bool RegionSet::contains(uintptr_t base) const
{
    if (m_capacity == 0 || base == k_empty || base == k_removed)
        return false;
    for (size_t slot = slot_of(base), probes = 0; probes < m_capacity; slot = (slot + 1) & (m_capacity - 1), ++probes) {
        if (m_slots[slot] == base)
            return true;
        if (m_slots[slot] == k_empty)
            return false;
    }
    return false;
}

bool RegionSet::rebuild(size_t capacity)
{
    size_t bytes = capacity * sizeof(uintptr_t);
    auto* slots = static_cast<uintptr_t*>(__portico_pages(bytes));
    if (slots == nullptr)
        return false;
    uintptr_t* old_slots = m_slots;
    size_t old_capacity = m_capacity;
    m_slots = slots;
    m_capacity = capacity;
    m_live = 0;
    m_removed = 0;
    for (size_t i = 0; i < old_capacity; ++i) {
        uintptr_t base = old_slots[i];
        if (base == k_empty || base == k_removed)
            continue;
        size_t slot = slot_of(base);
        while (m_slots[slot] != k_empty)
            slot = (slot + 1) & (m_capacity - 1);
        m_slots[slot] = base;
        ++m_live;
    }
    if (old_slots != nullptr)
        __portico_pages_free(old_slots, old_capacity * sizeof(uintptr_t));
    return true;
}

bool RegionSet::insert(uintptr_t base)
{
    // Keep at most half the slots in use (live or removed) so probes stay short.
    if ((m_live + m_removed + 1) * 2 > m_capacity) {
        size_t capacity = m_capacity == 0 ? k_page_size / sizeof(uintptr_t) : m_capacity;
        while ((m_live + 1) * 4 > capacity)
            capacity *= 2;
        if (!rebuild(capacity))
            return false;
    }
    size_t slot = slot_of(base);
    while (m_slots[slot] != k_empty && m_slots[slot] != k_removed)
        slot = (slot + 1) & (m_capacity - 1);
    if (m_slots[slot] == k_removed)
        --m_removed;
    m_slots[slot] = base;
    ++m_live;
    return true;
}

void RegionSet::remove(uintptr_t base)
{
    if (m_capacity == 0)
        return;
    for (size_t slot = slot_of(base), probes = 0; probes < m_capacity; slot = (slot + 1) & (m_capacity - 1), ++probes) {
        if (m_slots[slot] == base) {
            m_slots[slot] = k_removed;
            --m_live;
            ++m_removed;
            return;
        }
        if (m_slots[slot] == k_empty)
            return;
    }
}

} // namespace shim::heap
