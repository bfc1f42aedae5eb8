#include <vm/address_space.h>

#include <arch/x86_64/cpu.h>
#include <kern/heap.h>
#include <kern/never_destroyed.h>
#include <kern/string.h>
#include <vm/frame_allocator.h>
#include <vm/kernel_space.h>

extern "C" int copy_bytes_checked(void* to, const void* from, size_t size);

namespace vm {

namespace {

// FIXME(SMP): one current space per CPU.
AddressSpace* g_current = nullptr;
size_t g_live_spaces = 0;

kern::ObjectCache<AddressSpace>& space_cache()
{
    static kern::NeverDestroyed<kern::ObjectCache<AddressSpace>> cache("address-space", kern::kernel_page_provider());
    return cache.get();
}

bool is_page_aligned(uint64_t value) { return value % kPageSize == 0; }

// [address, address + size) is page-aligned, non-empty and inside user space.
bool is_user_range(VirtAddr address, size_t size)
{
    return size != 0 && is_page_aligned(address) && is_page_aligned(size) && address >= kUserBottom
        && address < kUserTop && size <= kUserTop - address;
}

PageFlags page_flags(Protection protection)
{
    PageFlags flags = PageFlags::user;
    if (allows(protection, Protection::write))
        flags = flags | PageFlags::writable;
    if (!allows(protection, Protection::execute))
        flags = flags | PageFlags::no_execute;
    return supported_page_flags(flags);
}

} // namespace

AddressSpace::AddressSpace(PageTable&& table)
    : m_table(static_cast<PageTable&&>(table))
{
}

Result<AddressSpace*> AddressSpace::create()
{
    PageTable table = TRY(PageTable::create(frame_allocator(), PhysWindow::direct_map()));
    table.adopt_kernel_half(kernel_page_table());
    Result<AddressSpace*> space = space_cache().create(static_cast<PageTable&&>(table));
    if (!space.ok()) {
        table.destroy();
        return space.error();
    }
    ++g_live_spaces;
    return space.value();
}

void AddressSpace::destroy(AddressSpace* space)
{
    deactivate_address_space(*space);
    for (size_t i = 0; i < space->m_region_count; ++i) {
        for (VirtAddr page = space->m_regions[i].start; page < space->m_regions[i].end; page += kPageSize)
            space->free_page(page);
    }
    space->m_table.destroy();
    space_cache().destroy(space);
    --g_live_spaces;
}

size_t AddressSpace::live_count() { return g_live_spaces; }

AddressSpace::Region* AddressSpace::find_region(VirtAddr address)
{
    for (size_t i = 0; i < m_region_count; ++i) {
        if (address >= m_regions[i].start && address < m_regions[i].end)
            return &m_regions[i];
    }
    return nullptr;
}

bool AddressSpace::range_is_free(VirtAddr start, VirtAddr end) const
{
    for (size_t i = 0; i < m_region_count; ++i) {
        if (start < m_regions[i].end && m_regions[i].start < end)
            return false;
    }
    return true;
}

// The lowest gap of `size` bytes at or above `from` (regions are kept sorted).
Result<VirtAddr> AddressSpace::find_free_range(VirtAddr from, size_t size) const
{
    VirtAddr candidate = from;
    for (size_t i = 0; i < m_region_count; ++i) {
        if (m_regions[i].end <= candidate)
            continue;
        if (m_regions[i].start >= candidate && m_regions[i].start - candidate >= size)
            break;
        candidate = m_regions[i].end;
    }
    if (candidate >= kUserTop || kUserTop - candidate < size)
        return Error::no_memory;
    return candidate;
}

Result<void> AddressSpace::insert_region(Region region)
{
    if (m_region_count == kMaxRegions)
        return Error::no_space;
    size_t at = m_region_count;
    while (at > 0 && m_regions[at - 1].start > region.start) {
        m_regions[at] = m_regions[at - 1];
        --at;
    }
    m_regions[at] = region;
    ++m_region_count;
    return {};
}

void AddressSpace::remove_region(size_t index)
{
    for (size_t i = index + 1; i < m_region_count; ++i)
        m_regions[i - 1] = m_regions[i];
    --m_region_count;
}

// Splits the region containing `address` (if any) so that a region starts there.
Result<void> AddressSpace::split_at(VirtAddr address)
{
    Region* region = find_region(address);
    if (region == nullptr || region->start == address)
        return {};
    Region upper { address, region->end, region->protection };
    region->end = address;
    return insert_region(upper);
}

// Joins touching regions of equal protection, so repeated calls do not use up the slots.
void AddressSpace::merge_neighbours()
{
    for (size_t i = 1; i < m_region_count;) {
        Region& left = m_regions[i - 1];
        if (left.end == m_regions[i].start && left.protection == m_regions[i].protection) {
            left.end = m_regions[i].end;
            remove_region(i);
        } else {
            ++i;
        }
    }
}

// How many regions there will be after cutting [start, end) out of them.
size_t AddressSpace::regions_after_cut(VirtAddr start, VirtAddr end) const
{
    size_t count = m_region_count;
    for (size_t i = 0; i < m_region_count; ++i) {
        if (m_regions[i].start < start && m_regions[i].end > end)
            ++count;
    }
    return count;
}

bool AddressSpace::is_active() const { return g_current == this; }

void AddressSpace::flush(VirtAddr page)
{
    if (is_active())
        arch::invlpg(page);
}

void AddressSpace::free_page(VirtAddr page)
{
    Result<Translation> translation = m_table.translate(page);
    if (!translation.ok())
        return;
    (void)m_table.unmap(page);
    flush(page);
    frame_allocator().free(align_down(translation.value().phys, kPageSize));
    --m_resident_pages;
}

// Backs `page` with a zeroed frame (demand-zero), or returns the frame already there.
Result<PhysAddr> AddressSpace::populate(VirtAddr page, Protection protection)
{
    Result<Translation> present = m_table.translate(page);
    if (present.ok())
        return align_down(present.value().phys, kPageSize);
    PhysAddr frame = TRY(frame_allocator().allocate(0, Zone::any));
    memset(PhysWindow::direct_map().to_virt(frame), 0, kPageSize);
    Result<void> mapped = m_table.map(page, frame, PageSize::k4K, page_flags(protection));
    if (!mapped.ok()) {
        frame_allocator().free(frame);
        return mapped.error();
    }
    ++m_resident_pages;
    return frame;
}

Result<VirtAddr> AddressSpace::allocate(VirtAddr address, size_t size, Protection protection, bool anywhere)
{
    if (size == 0 || size > kMaxAllocation)
        return Error::invalid_argument;
    size = align_up(size, kPageSize);
    VirtAddr start = address;
    if (anywhere) {
        start = TRY(find_free_range(address < kUserBottom ? kUserBottom : align_up(address, kPageSize), size));
    } else {
        if (!is_user_range(address, size))
            return Error::invalid_argument;
        if (!range_is_free(address, address + size))
            return Error::already_exists;
    }
    TRY(insert_region({ start, start + size, protection }));
    merge_neighbours();
    return start;
}

Result<void> AddressSpace::deallocate(VirtAddr address, size_t size)
{
    if (!is_user_range(address, size))
        return Error::invalid_argument;
    VirtAddr end = address + size;
    if (regions_after_cut(address, end) > kMaxRegions)
        return Error::no_space;
    TRY(split_at(address));
    TRY(split_at(end));
    for (size_t i = 0; i < m_region_count;) {
        Region region = m_regions[i];
        if (region.start >= address && region.end <= end) {
            for (VirtAddr page = region.start; page < region.end; page += kPageSize)
                free_page(page);
            remove_region(i);
        } else {
            ++i;
        }
    }
    return {};
}

Result<void> AddressSpace::protect(VirtAddr address, size_t size, Protection protection)
{
    if (!is_user_range(address, size))
        return Error::invalid_argument;
    VirtAddr end = address + size;
    // Decode: the whole range must be mapped, and the split must fit.
    for (VirtAddr at = address; at < end;) {
        Region* region = find_region(at);
        if (region == nullptr)
            return Error::not_found;
        at = region->end;
    }
    if (regions_after_cut(address, end) + 1 > kMaxRegions)
        return Error::no_space;
    // Invoke.
    TRY(split_at(address));
    TRY(split_at(end));
    for (size_t i = 0; i < m_region_count; ++i) {
        Region& region = m_regions[i];
        if (region.start < address || region.end > end)
            continue;
        region.protection = protection;
        for (VirtAddr page = region.start; page < region.end; page += kPageSize) {
            if (m_table.protect(page, page_flags(protection)).ok())
                flush(page);
        }
    }
    merge_neighbours();
    return {};
}

Result<void> AddressSpace::handle_fault(VirtAddr address, bool write, bool execute)
{
    Region* region = find_region(address);
    if (region == nullptr)
        return Error::bad_address;
    Protection wanted = write ? Protection::write : execute ? Protection::execute : Protection::read;
    if (!allows(region->protection, wanted) || region->protection == Protection::none)
        return Error::permission_denied;
    VirtAddr page = align_down(address, kPageSize);
    if (m_table.translate(page).ok()) {
        // Present and allowed: another CPU's change or a stale TLB entry.
        flush(page);
        return {};
    }
    TRY(populate(page, region->protection));
    return {};
}

Result<void> AddressSpace::write(VirtAddr address, const void* data, size_t size)
{
    const uint8_t* from = static_cast<const uint8_t*>(data);
    while (size > 0) {
        Region* region = find_region(address);
        if (region == nullptr)
            return Error::bad_address;
        PhysAddr frame = TRY(populate(align_down(address, kPageSize), region->protection));
        size_t offset = address % kPageSize;
        size_t chunk = kPageSize - offset < size ? kPageSize - offset : size;
        memcpy(static_cast<uint8_t*>(PhysWindow::direct_map().to_virt(frame)) + offset, from, chunk);
        address += chunk;
        from += chunk;
        size -= chunk;
    }
    return {};
}

Result<void> AddressSpace::read(VirtAddr address, void* data, size_t size)
{
    uint8_t* to = static_cast<uint8_t*>(data);
    while (size > 0) {
        Region* region = find_region(address);
        if (region == nullptr)
            return Error::bad_address;
        PhysAddr frame = TRY(populate(align_down(address, kPageSize), region->protection));
        size_t offset = address % kPageSize;
        size_t chunk = kPageSize - offset < size ? kPageSize - offset : size;
        memcpy(to, static_cast<const uint8_t*>(PhysWindow::direct_map().to_virt(frame)) + offset, chunk);
        address += chunk;
        to += chunk;
        size -= chunk;
    }
    return {};
}

void AddressSpace::activate()
{
    if (g_current == this)
        return;
    arch::write_cr3(m_table.root());
    g_current = this;
}

AddressSpace* current_address_space() { return g_current; }

void deactivate_address_space(AddressSpace& space)
{
    if (g_current != &space)
        return;
    arch::write_cr3(kernel_page_table().root());
    g_current = nullptr;
}

namespace {

// The user range [address, address + size) lies in user space (no wrap).
bool is_user_buffer(VirtAddr address, size_t size)
{
    return address >= kUserBottom && address < kUserTop && size <= kUserTop - address;
}

} // namespace

Result<void> copy_from_user(void* to, VirtAddr user_from, size_t size)
{
    if (size == 0)
        return {};
    if (!is_user_buffer(user_from, size) || g_current == nullptr)
        return Error::bad_address;
    if (copy_bytes_checked(to, reinterpret_cast<const void*>(user_from), size) != 0)
        return Error::bad_address;
    return {};
}

Result<void> copy_to_user(VirtAddr user_to, const void* from, size_t size)
{
    if (size == 0)
        return {};
    if (!is_user_buffer(user_to, size) || g_current == nullptr)
        return Error::bad_address;
    if (copy_bytes_checked(reinterpret_cast<void*>(user_to), from, size) != 0)
        return Error::bad_address;
    return {};
}

} // namespace vm
