// AddressSpace's region table: the regions sorted by address in one array
// from the kernel heap that grows as needed (charged to the space's
// account), looked up by binary search. Changes that add regions (a new
// mapping, the splits of a cut) reserve their room first, so the insert
// itself cannot fail and an operation never stops half done.
#include <freestanding/assert.h>
#include <freestanding/string.h>
#include <vm/address_space.h>
#include <vm/heap.h>
#include <vm/memory_account.h>
#include <vm/memory_object.h>

namespace vm {

size_t AddressSpace::first_ending_after(VirtAddr address) const
{
    size_t low = 0, high = m_region_count;
    while (low < high) {
        size_t middle = low + (high - low) / 2;
        if (m_regions[middle].end <= address)
            low = middle + 1;
        else
            high = middle;
    }
    return low;
}

AddressSpace::Region* AddressSpace::find_region(VirtAddr address)
{
    size_t index = first_ending_after(address);
    if (index < m_region_count && m_regions[index].start <= address)
        return &m_regions[index];
    return nullptr;
}

bool AddressSpace::range_is_free(VirtAddr start, VirtAddr end) const
{
    size_t index = first_ending_after(start);
    return index == m_region_count || m_regions[index].start >= end;
}

// The lowest gap of `size` bytes at or above `from`.
Result<VirtAddr> AddressSpace::find_free_range(VirtAddr from, size_t size) const
{
    VirtAddr candidate = from;
    for (size_t i = first_ending_after(from); i < m_region_count; ++i) {
        if (m_regions[i].start >= candidate && m_regions[i].start - candidate >= size)
            break;
        candidate = m_regions[i].end;
    }
    if (candidate >= kUserTop || kUserTop - candidate < size)
        return Error::no_memory;
    return candidate;
}

Result<void> AddressSpace::reserve_regions(size_t count)
{
    if (count <= m_region_capacity)
        return {};
    if (count > kMaxRegions)
        return Error::no_space;
    // Double, so that n inserts cost O(n) copies in all.
    size_t capacity = m_region_capacity ? m_region_capacity * 2 : 8;
    while (capacity < count)
        capacity *= 2;
    if (capacity > kMaxRegions)
        capacity = kMaxRegions;
    uint64_t added = (capacity - m_region_capacity) * sizeof(Region);
    TRY(m_account->charge(added));
    Result<void*> grown = kern::heap_allocate(capacity * sizeof(Region));
    if (!grown.ok()) {
        m_account->uncharge(added);
        return grown.error();
    }
    if (m_regions) {
        memcpy(grown.value(), m_regions, m_region_count * sizeof(Region));
        kern::heap_free(m_regions);
    }
    m_regions = static_cast<Region*>(grown.value());
    m_region_capacity = capacity;
    return {};
}

void AddressSpace::insert_reserved(Region region)
{
    ASSERT(m_region_count < m_region_capacity);
    size_t at = first_ending_after(region.start);
    memmove(&m_regions[at + 1], &m_regions[at], (m_region_count - at) * sizeof(Region));
    m_regions[at] = region;
    ++m_region_count;
}

Result<void> AddressSpace::insert_region(Region region)
{
    TRY(reserve_regions(m_region_count + 1));
    insert_reserved(region);
    return {};
}

void AddressSpace::remove_regions(size_t first, size_t last)
{
    if (first == last)
        return; // (the table may not even exist yet)
    memmove(&m_regions[first], &m_regions[last], (m_region_count - last) * sizeof(Region));
    m_region_count -= last - first;
}

size_t AddressSpace::splits_for(VirtAddr start, VirtAddr end) const
{
    size_t splits = 0;
    for (VirtAddr at : { start, end }) {
        size_t index = first_ending_after(at);
        if (index < m_region_count && m_regions[index].start < at)
            ++splits;
    }
    return splits;
}

void AddressSpace::split_at(VirtAddr address)
{
    size_t index = first_ending_after(address);
    if (index == m_region_count || m_regions[index].start >= address)
        return;
    Region upper = m_regions[index];
    upper.start = address;
    if (upper.backing != Backing::anonymous)
        upper.base += address - m_regions[index].start;
    m_regions[index].end = address;
    insert_reserved(upper);
    if (upper.backing == Backing::object)
        upper.object->reference(); // each piece holds one
}

void AddressSpace::merge_around(VirtAddr start, VirtAddr end)
{
    size_t i = first_ending_after(start);
    if (i > 0)
        --i; // the region just before may touch `start`
    size_t last = i;
    // Regions i.. that touch [start, end] are folded into runs in place.
    for (size_t next = i + 1; next < m_region_count && m_regions[next].start <= end; ++next) {
        Region& left = m_regions[last];
        const Region& right = m_regions[next];
        if (left.end == right.start && left.protection == right.protection && left.backing == Backing::anonymous
            && right.backing == Backing::anonymous)
            left.end = right.end;
        else
            m_regions[++last] = right;
        i = next;
    }
    if (m_region_count == 0 || last == i)
        return;
    remove_regions(last + 1, i + 1);
}

// A DMA block is freed whole: no cut may go through one.
bool AddressSpace::cuts_contiguous(VirtAddr start, VirtAddr end) const
{
    for (size_t i = first_ending_after(start); i < m_region_count && m_regions[i].start < end; ++i) {
        const Region& region = m_regions[i];
        if (region.backing == Backing::contiguous && (region.start < start || region.end > end))
            return true;
    }
    return false;
}

} // namespace vm
