// AddressSpace::fork_into: the copy of a space that fork gives a child.
#include <vm/address_space.h>

#include <vm/memory_object.h>

namespace vm {

// Shares one resident anonymous page with `child` copy-on-write: both map
// the frame read-only, and the first write on either side copies it
// (break_copy_on_write sees a frame with two holders).
Result<void> AddressSpace::share_page_with(AddressSpace& child, VirtAddr page, const Region& region)
{
    Result<Translation> present = m_table.translate(page);
    if (!present.ok())
        return {}; // never touched: the child's page is demand-zero too
    PhysAddr frame = align_down(present.value().phys, kPageSize);
    PageFlags flags = copy_on_write_flags(region.protection);
    reference_frame(frame);
    Result<void> mapped = child.map_page(page, frame, flags);
    if (!mapped.ok()) {
        release_frame(frame);
        return mapped.error();
    }
    if (has_flags(present.value().flags, PageFlags::writable)) {
        (void)m_table.protect(page, flags);
        flush(page);
    }
    return {};
}

Result<void> AddressSpace::fork_into(AddressSpace& child)
{
    if (child.m_region_count != 0)
        return Error::invalid_argument;
    TRY(child.reserve_regions(m_region_count));
    for (size_t i = 0; i < m_region_count; ++i) {
        const Region region = m_regions[i];
        switch (region.backing) {
        case Backing::physical:
        case Backing::contiguous: continue; // device memory belongs to the driver, not to its children
        case Backing::object:
            // Shared memory stays shared, as MAP_SHARED does across fork.
            child.insert_reserved(region);
            region.object->reference();
            continue;
        case Backing::anonymous:
            child.insert_reserved(region);
            // Only the resident pages: the others are demand-zero on both sides.
            Result<void> shared = {};
            for_each_mapped(region.start, region.end, [&](VirtAddr page) {
                if (shared.ok())
                    shared = share_page_with(child, page, region);
            });
            TRY(shared);
            continue;
        }
    }
    return {};
}

} // namespace vm
