#include <vm/address_space.h>

#include <arch/x86_64/cpu.h>
#include <freestanding/string.h>
#include <kern/never_destroyed.h>
#include <vm/frame_allocator.h>
#include <vm/heap.h>
#include <vm/kernel_space.h>
#include <vm/memory_account.h>
#include <vm/memory_object.h>

namespace vm {

namespace {

// FIXME(SMP): one current space per CPU.
size_t g_live_spaces = 0;

freestanding::ObjectCache<AddressSpace>& space_cache()
{
    static kern::NeverDestroyed<freestanding::ObjectCache<AddressSpace>> cache(
        "address-space", kern::kernel_page_provider());
    return cache.get();
}

bool is_page_aligned(uint64_t value) { return value % kPageSize == 0; }

// [address, address + size) is page-aligned, non-empty and inside user space.
bool is_user_page_range(VirtAddr address, size_t size)
{
    return size != 0 && is_page_aligned(address) && is_page_aligned(size) && is_user_range(address, size);
}

Protection without_write(Protection protection)
{
    return static_cast<Protection>(static_cast<uint8_t>(protection) & ~static_cast<uint8_t>(Protection::write));
}

// The buddy order of a block of `size` bytes (a power-of-two number of pages).
unsigned order_of(size_t size)
{
    unsigned order = 0;
    while ((kPageSize << order) < size)
        ++order;
    return order;
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

PageFlags AddressSpace::copy_on_write_flags(Protection protection) { return page_flags(without_write(protection)); }

AddressSpace::AddressSpace(PageTable&& table, MemoryAccount* account)
    : m_table(static_cast<PageTable&&>(table))
    , m_account(account)
{
}

Result<AddressSpace*> AddressSpace::create()
{
    MemoryAccount* account = TRY(MemoryAccount::create());
    Result<PageTable> table = PageTable::create(frame_allocator(), frame_allocator().window());
    if (!table.ok()) {
        account->release();
        return table.error();
    }
    if (Result<void> charged = table.value().charge_tables_to(*account); !charged.ok()) {
        table.value().destroy();
        account->release();
        return charged.error();
    }
    table.value().adopt_kernel_half(kernel_page_table());
    Result<AddressSpace*> space = space_cache().create(static_cast<PageTable&&>(table.value()), account);
    if (!space.ok()) {
        table.value().destroy();
        account->release();
        return space.error();
    }
    ++g_live_spaces;
    return space.value();
}

void AddressSpace::destroy(AddressSpace* space)
{
    deactivate_address_space(*space);
    for (size_t i = 0; i < space->m_region_count; ++i) {
        const Region& region = space->m_regions[i];
        space->for_each_mapped(region.start, region.end, [&](VirtAddr page) { space->free_page(page, region); });
        space->release_region(region);
    }
    space->m_table.destroy();
    if (space->m_regions) {
        kern::heap_free(space->m_regions);
        space->m_account->uncharge(space->m_region_capacity * sizeof(Region));
    }
    space->m_account->release();
    space_cache().destroy(space);
    --g_live_spaces;
}

size_t AddressSpace::live_count() { return g_live_spaces; }

bool AddressSpace::is_active() const { return g_active_space == this; }

void AddressSpace::flush(VirtAddr page)
{
    if (is_active())
        arch::invlpg(page);
}

// Unmaps `page` of `region`; an anonymous page's frame loses a holder.
void AddressSpace::free_page(VirtAddr page, const Region& region)
{
    Result<Translation> translation = m_table.translate(page);
    if (!translation.ok())
        return;
    (void)m_table.unmap(page);
    flush(page);
    if (region.backing == Backing::anonymous)
        release_frame(align_down(translation.value().phys, kPageSize));
    --m_resident_pages;
}

// What a region holds besides its pages: an object reference, a DMA block.
void AddressSpace::release_region(const Region& region)
{
    if (region.backing == Backing::object)
        region.object->release();
    else if (region.backing == Backing::contiguous)
        frame_allocator().free(region.base, order_of(region.end - region.start));
}

Result<void> AddressSpace::map_page(VirtAddr page, PhysAddr frame, PageFlags flags)
{
    TRY(m_table.map(page, frame, PageSize::k4K, flags));
    ++m_resident_pages;
    return {};
}

// The frame behind `page` of `region`, mapping it first if it is absent
// (anonymous memory: a zeroed frame; objects: the object's page).
Result<PhysAddr> AddressSpace::populate(VirtAddr page, const Region& region)
{
    Result<Translation> present = m_table.translate(page);
    if (present.ok())
        return align_down(present.value().phys, kPageSize);
    PageFlags flags = page_flags(region.protection);
    uint64_t offset = page - region.start;
    switch (region.backing) {
    case Backing::anonymous: {
        PhysAddr frame = TRY(zeroed_frame());
        Result<void> mapped = map_page(page, frame, flags);
        if (!mapped.ok()) {
            release_frame(frame);
            return mapped.error();
        }
        return frame;
    }
    case Backing::object: {
        PhysAddr frame = TRY(region.object->populate((region.base + offset) / kPageSize));
        TRY(map_page(page, frame, flags));
        return frame;
    }
    case Backing::physical:
    case Backing::contiguous:
        if (!region.cached)
            flags = flags | supported_page_flags(PageFlags::cache_disable);
        TRY(map_page(page, region.base + offset, flags));
        return region.base + offset;
    }
    return Error::invalid_argument;
}

// A write to an anonymous page that a snapshot (or another space) still
// shares: copy it, unless this space is its last holder.
Result<void> AddressSpace::break_copy_on_write(VirtAddr page, const Region& region, PhysAddr frame)
{
    if (frame_holders(frame) > 1) {
        PhysAddr copy = TRY(copy_frame(frame));
        (void)m_table.unmap(page);
        --m_resident_pages;
        // The page tables for `page` exist: mapping it again cannot fail.
        (void)map_page(page, copy, page_flags(region.protection));
        release_frame(frame);
    } else {
        (void)m_table.protect(page, page_flags(region.protection));
    }
    flush(page);
    return {};
}

// The frame behind `page`, private to this space (for the kernel to write into).
Result<PhysAddr> AddressSpace::writable_frame(VirtAddr page, const Region& region)
{
    PhysAddr frame = TRY(populate(page, region));
    if (region.backing != Backing::anonymous || frame_holders(frame) == 1)
        return frame;
    TRY(break_copy_on_write(page, region, frame));
    return populate(page, region);
}

// Where a new region of `size` bytes goes (see allocate).
Result<VirtAddr> AddressSpace::place(VirtAddr address, size_t size, bool anywhere) const
{
    if (anywhere)
        return find_free_range(address < kUserBottom ? kUserBottom : align_up(address, kPageSize), size);
    if (!is_user_page_range(address, size))
        return Error::invalid_argument;
    if (!range_is_free(address, address + size))
        return Error::already_exists;
    return address;
}

Result<VirtAddr> AddressSpace::allocate(VirtAddr address, size_t size, Protection protection, bool anywhere)
{
    if (size == 0 || size > kMaxAllocation)
        return Error::invalid_argument;
    size = align_up(size, kPageSize);
    VirtAddr start = TRY(place(address, size, anywhere));
    TRY(insert_region({ start, start + size, 0, nullptr, protection, Backing::anonymous, true }));
    merge_around(start, start + size);
    return start;
}

Result<void> AddressSpace::deallocate(VirtAddr address, size_t size)
{
    if (!is_user_page_range(address, size))
        return Error::invalid_argument;
    VirtAddr end = address + size;
    if (cuts_contiguous(address, end))
        return Error::invalid_argument;
    // All or nothing: room for both splits first, then nothing can fail.
    TRY(reserve_regions(m_region_count + splits_for(address, end)));
    split_at(address);
    split_at(end);
    // The regions inside [address, end) now lie wholly inside it, side by side.
    size_t first = first_ending_after(address);
    size_t last = first;
    for (; last < m_region_count && m_regions[last].start < end; ++last) {
        const Region& region = m_regions[last];
        for_each_mapped(region.start, region.end, [&](VirtAddr page) { free_page(page, region); });
        release_region(region);
    }
    remove_regions(first, last);
    return {};
}

Result<void> AddressSpace::protect(VirtAddr address, size_t size, Protection protection)
{
    if (!is_user_page_range(address, size))
        return Error::invalid_argument;
    VirtAddr end = address + size;
    // Decode: the whole range must be mapped, and the split must fit.
    for (VirtAddr at = address; at < end;) {
        Region* region = find_region(at);
        if (region == nullptr)
            return Error::not_found;
        at = region->end;
    }
    if (cuts_contiguous(address, end))
        return Error::invalid_argument;
    // Invoke, all or nothing: room for both splits first.
    TRY(reserve_regions(m_region_count + splits_for(address, end)));
    split_at(address);
    split_at(end);
    for (size_t i = first_ending_after(address); i < m_region_count && m_regions[i].start < end; ++i) {
        Region& region = m_regions[i];
        region.protection = protection;
        for_each_mapped(region.start, region.end, [&](VirtAddr page) {
            Result<Translation> present = m_table.translate(page);
            // A page still shared copy-on-write stays read-only.
            bool shared = region.backing == Backing::anonymous
                && frame_holders(align_down(present.value().phys, kPageSize)) > 1;
            (void)m_table.protect(page, page_flags(shared ? without_write(protection) : protection));
            flush(page);
        });
    }
    merge_around(address, end);
    return {};
}

Result<VirtAddr> AddressSpace::map_object(
    VirtAddr address, size_t size, MemoryObject& object, size_t offset, Protection protection, bool anywhere)
{
    if (size == 0 || !is_page_aligned(offset) || offset > object.size()
        || align_up(size, kPageSize) > object.size() - offset)
        return Error::invalid_argument;
    size = align_up(size, kPageSize);
    VirtAddr start = TRY(place(address, size, anywhere));
    TRY(insert_region({ start, start + size, offset, &object, protection, Backing::object, true }));
    object.reference();
    return start;
}

Result<VirtAddr> AddressSpace::map_physical(
    VirtAddr address, PhysAddr base, size_t size, Protection protection, bool cached, bool anywhere)
{
    constexpr PhysAddr kPhysicalLimit = 1ull << 52;
    if (size == 0 || size > kMaxAllocation || !is_page_aligned(base) || base >= kPhysicalLimit
        || align_up(size, kPageSize) > kPhysicalLimit - base)
        return Error::invalid_argument;
    size = align_up(size, kPageSize);
    // RAM is the kernel's to hand out (allocate_contiguous), not to map by address.
    if (frame_allocator().overlaps_managed(base, base + size))
        return Error::permission_denied;
    VirtAddr start = TRY(place(address, size, anywhere));
    TRY(insert_region({ start, start + size, base, nullptr, protection, Backing::physical, cached }));
    return start;
}

Result<VirtAddr> AddressSpace::allocate_contiguous(size_t size, PhysAddr* base)
{
    if (size == 0 || size > (kPageSize << FrameAllocator::kMaxOrder))
        return Error::invalid_argument;
    unsigned order = order_of(size);
    size = kPageSize << order;
    TRY(reserve_regions(m_region_count + 1));
    VirtAddr start = TRY(place(kUserBottom, size, true));
    // Below 4 GiB, for devices that address 32 bits.
    PhysAddr block = TRY(frame_allocator().allocate(order, Zone::low));
    memset(frame_allocator().window().to_virt(block), 0, size);
    insert_reserved({ start, start + size, block, nullptr, Protection::read_write, Backing::contiguous, true });
    *base = block;
    return start;
}

// Adds `page` of `region` to `snapshot` as its page `index`.
Result<void> AddressSpace::share_into(MemoryObject& snapshot, size_t index, VirtAddr page, const Region& region)
{
    if (region.backing == Backing::object) {
        // Shared memory goes on changing: copy it now. The object knows its
        // pages even where this space never touched them.
        PhysAddr frame = region.object->frame_at((region.base + (page - region.start)) / kPageSize);
        if (!frame)
            return {};
        PhysAddr copy = TRY(copy_frame(frame));
        Result<void> adopted = snapshot.adopt(index, copy);
        if (!adopted.ok())
            release_frame(copy);
        return adopted;
    }
    Result<Translation> present = m_table.translate(page);
    if (!present.ok())
        return {}; // never touched: zeros in the snapshot too
    PhysAddr frame = align_down(present.value().phys, kPageSize);
    reference_frame(frame);
    Result<void> adopted = snapshot.adopt(index, frame);
    if (!adopted.ok()) {
        release_frame(frame);
        return adopted;
    }
    if (has_flags(present.value().flags, PageFlags::writable)) {
        (void)m_table.protect(page, copy_on_write_flags(region.protection));
        flush(page);
    }
    return {};
}

Result<MemoryObject*> AddressSpace::snapshot(VirtAddr address, size_t size)
{
    if (!is_user_page_range(address, size) || size > MemoryObject::kMaxSize)
        return Error::invalid_argument;
    for (VirtAddr at = address; at < address + size;) {
        Region* region = find_region(at);
        if (region == nullptr)
            return Error::bad_address;
        if (!allows(region->protection, Protection::read))
            return Error::permission_denied;
        if (region->backing == Backing::physical || region->backing == Backing::contiguous)
            return Error::invalid_argument;
        at = region->end;
    }
    MemoryObject* snapshot = TRY(MemoryObject::create(size, m_account));
    snapshot->mark_snapshot();
    // Only pages that exist are visited (resident here, or present in a
    // mapped object): untouched pages are zeros in the snapshot as well.
    VirtAddr end = address + size;
    Result<void> shared = {};
    for (size_t i = first_ending_after(address); i < m_region_count && m_regions[i].start < end; ++i) {
        const Region& region = m_regions[i];
        VirtAddr from = region.start > address ? region.start : address;
        VirtAddr to = region.end < end ? region.end : end;
        auto share = [&](VirtAddr page) {
            if (shared.ok())
                shared = share_into(*snapshot, (page - address) / kPageSize, page, region);
        };
        if (region.backing == Backing::object) {
            size_t first = (region.base + (from - region.start)) / kPageSize;
            region.object->for_each_page(first, first + (to - from) / kPageSize,
                [&](size_t index, PhysAddr) { share(from + (index - first) * kPageSize); });
        } else {
            for_each_mapped(from, to, share);
        }
    }
    if (!shared.ok()) {
        snapshot->release();
        return shared.error();
    }
    return snapshot;
}

Result<VirtAddr> AddressSpace::map_snapshot(MemoryObject& snapshot, VirtAddr address, Protection protection)
{
    return map_copy(address, snapshot.size(), snapshot, 0, protection, true);
}

Result<VirtAddr> AddressSpace::map_copy(
    VirtAddr address, size_t size, MemoryObject& object, size_t offset, Protection protection, bool anywhere)
{
    if (size == 0 || !is_page_aligned(offset) || offset > object.size()
        || align_up(size, kPageSize) > object.size() - offset)
        return Error::invalid_argument;
    size = align_up(size, kPageSize);
    VirtAddr start = TRY(place(address, size, anywhere));
    TRY(insert_region({ start, start + size, 0, nullptr, protection, Backing::anonymous, true }));
    // Only the object's present pages are visited: pages never written are
    // zeros in the copy too, and cost nothing.
    size_t first = offset / kPageSize;
    Result<void> mapped = {};
    // A snapshot's frames never change: they are shared copy-on-write. A
    // shared object's may be written in place through any mapping of it
    // (no fault would tell), so the copy gets its own frames now.
    object.for_each_page(first, first + size / kPageSize, [&](size_t index, PhysAddr frame) {
        if (!mapped.ok())
            return;
        VirtAddr page = start + (index - first) * kPageSize;
        if (object.is_snapshot()) {
            reference_frame(frame);
            mapped = map_page(page, frame, copy_on_write_flags(protection));
            if (!mapped.ok())
                release_frame(frame);
            return;
        }
        Result<PhysAddr> copy = copy_frame(frame);
        mapped = copy.ok() ? map_page(page, copy.value(), page_flags(protection)) : Result<void>(copy.error());
        if (!mapped.ok() && copy.ok())
            release_frame(copy.value());
    });
    if (!mapped.ok()) {
        (void)deallocate(start, size);
        return mapped.error();
    }
    merge_around(start, start + size);
    return start;
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
    Result<Translation> present = m_table.translate(page);
    if (present.ok()) {
        if (write && !has_flags(present.value().flags, PageFlags::writable) && region->backing == Backing::anonymous)
            return break_copy_on_write(page, *region, align_down(present.value().phys, kPageSize));
        // Present and allowed: another CPU's change or a stale TLB entry.
        flush(page);
        return {};
    }
    TRY(populate(page, *region));
    return {};
}

// Walks [address, address + size) a page at a time: `visit(bytes, done,
// chunk)` gets the kernel's view of each piece (through the direct map)
// and how far into the range it lies. With `for_writing`, pages shared
// copy-on-write are made private first.
template <typename Visit>
Result<void> AddressSpace::walk_pages(VirtAddr address, size_t size, bool for_writing, Visit visit)
{
    size_t done = 0;
    while (done < size) {
        VirtAddr at = address + done;
        Region* region = find_region(at);
        if (region == nullptr)
            return Error::bad_address;
        VirtAddr page = align_down(at, kPageSize);
        PhysAddr frame = for_writing ? TRY(writable_frame(page, *region)) : TRY(populate(page, *region));
        size_t offset = at % kPageSize;
        size_t chunk = kPageSize - offset < size - done ? kPageSize - offset : size - done;
        visit(static_cast<uint8_t*>(frame_allocator().window().to_virt(frame)) + offset, done, chunk);
        done += chunk;
    }
    return {};
}

Result<void> AddressSpace::write(VirtAddr address, const void* data, size_t size)
{
    const uint8_t* from = static_cast<const uint8_t*>(data);
    return walk_pages(
        address, size, true, [from](uint8_t* bytes, size_t done, size_t chunk) { memcpy(bytes, from + done, chunk); });
}

Result<void> AddressSpace::read(VirtAddr address, void* data, size_t size)
{
    uint8_t* to = static_cast<uint8_t*>(data);
    return walk_pages(
        address, size, false, [to](uint8_t* bytes, size_t done, size_t chunk) { memcpy(to + done, bytes, chunk); });
}

void AddressSpace::activate()
{
    if (g_active_space == this)
        return;
    arch::write_cr3(m_table.root());
    g_active_space = this;
}

void deactivate_address_space(AddressSpace& space)
{
    if (g_active_space != &space)
        return;
    arch::write_cr3(kernel_page_table().root());
    g_active_space = nullptr;
}

} // namespace vm
