// AddressSpace: the user half of one task's virtual memory — a map of
// regions (each with its protection and its backing memory) over a page
// table whose upper half is the kernel's. Pages are filled in on demand by
// the page fault handler: anonymous memory is zero-filled on first touch,
// copy-on-write pages are copied on first write.
//
// A region is backed by
//  - anonymous memory: private pages, zero-filled; a page shared with a
//    snapshot (copy-on-write) is mapped read-only until written;
//  - a memory object (vm_map of shared memory): the object's pages, shared
//    with every space that maps it;
//  - physical memory: device registers (MMIO), never RAM the kernel
//    manages, or a DMA buffer the region owns (allocate_contiguous).
//
// Ownership: a Task owns its AddressSpace (create/destroy). Memory objects
// (shared memory, snapshots) are reference counted and may outlive a space.
//
// Concurrency: FIXME(SMP): the kernel is single-CPU today; callers run with
// interrupts off or in the owning task's context.
#pragma once

#include <freestanding/result.h>
#include <freestanding/slab.h>
#include <mach/user_layout.h>
#include <stddef.h>
#include <stdint.h>
#include <vm/layout.h>
#include <vm/page_table.h>

// arch/x86_64/user_copy.S: copies, resuming at a fixup if an access faults.
// Returns 0, or 1 if one faulted (the copy then stopped partway).
extern "C" int copy_bytes_checked(void* to, const void* from, size_t size);

namespace vm {

class MemoryAccount;
class MemoryObject;

// What a region allows user code to do (a bit set).
enum class Protection : uint8_t {
    none = 0,
    read = 1u << 0,
    write = 1u << 1,
    execute = 1u << 2,
    read_write = read | write,
    read_execute = read | execute,
};
constexpr Protection operator|(Protection a, Protection b)
{
    return static_cast<Protection>(static_cast<uint8_t>(a) | static_cast<uint8_t>(b));
}
constexpr Protection operator&(Protection a, Protection b)
{
    return static_cast<Protection>(static_cast<uint8_t>(a) & static_cast<uint8_t>(b));
}
constexpr bool allows(Protection granted, Protection wanted) { return (granted & wanted) == wanted; }

// User addresses: page 0 stays unmapped (null pointers fault); everything
// lies below kUserTop.
constexpr VirtAddr kUserBottom = mach::kUserBottom;

class AddressSpace {
public:
    // An empty space sharing the kernel's upper half.
    static Result<AddressSpace*> create();
    // Frees every page, table and region; the space must not be active on any CPU.
    static void destroy(AddressSpace* space);

    // Reserves `size` bytes (rounded up to pages) of zero-filled anonymous
    // memory. With `anywhere`, at the lowest free range at or above
    // `address` (kUserBottom if 0); else exactly at `address` (page-aligned;
    // already_exists if anything is mapped there). Returns the start.
    Result<VirtAddr> allocate(VirtAddr address, size_t size, Protection protection, bool anywhere);

    // Removes whatever is mapped in [address, address + size) (page-aligned;
    // holes are fine), splitting regions as needed, and frees the pages.
    Result<void> deallocate(VirtAddr address, size_t size);

    // Sets the protection of [address, address + size), which must be fully mapped.
    Result<void> protect(VirtAddr address, size_t size, Protection protection);

    // Maps `size` bytes of `object` from byte `offset` (both page-aligned,
    // inside the object) at `address` (or anywhere, as allocate does). The
    // region holds a reference on the object.
    Result<VirtAddr> map_object(
        VirtAddr address, size_t size, MemoryObject& object, size_t offset, Protection protection, bool anywhere);

    // Maps device memory [base, base + size) (page-aligned, outside the RAM
    // the kernel manages), uncached unless `cached`.
    Result<VirtAddr> map_physical(
        VirtAddr address, PhysAddr base, size_t size, Protection protection, bool cached, bool anywhere);

    // Physically contiguous memory for a device to reach (DMA): zeroed
    // frames owned by the region, their physical address in *base. Freed
    // by a deallocate of the whole region only.
    Result<VirtAddr> allocate_contiguous(size_t size, PhysAddr* base);

    // A copy-on-write snapshot of [address, address + size) (page-aligned,
    // mapped, readable, no device memory): resident anonymous pages are
    // shared (and made read-only here until written), pages never touched
    // stay absent, pages of memory objects are copied. The caller owns the
    // snapshot.
    Result<MemoryObject*> snapshot(VirtAddr address, size_t size);

    // Maps a snapshot as new private anonymous memory (anywhere at or above
    // `address`); its pages are shared copy-on-write until written.
    Result<VirtAddr> map_snapshot(MemoryObject& snapshot, VirtAddr address, Protection protection);

    // Maps a private copy of `size` bytes of `object` from `offset` (vm_map
    // with kVmCopy): anonymous memory whose pages start out as the object's,
    // shared copy-on-write. What a loader fills an object with becomes the
    // program's own memory, which fork copies rather than shares.
    Result<VirtAddr> map_copy(
        VirtAddr address, size_t size, MemoryObject& object, size_t offset, Protection protection, bool anywhere);

    // fork: gives the empty space `child` the same regions at the same
    // addresses. Anonymous memory is shared copy-on-write (resident pages
    // become read-only on both sides until written), shared memory objects
    // stay shared, device memory is left out. On an error the child holds
    // part of the copy; the caller destroys it.
    Result<void> fork_into(AddressSpace& child);

    // Resolves a fault at `address` (demand-zero or copy-on-write).
    // bad_address if nothing is mapped there; permission_denied if the access is not allowed.
    Result<void> handle_fault(VirtAddr address, bool write, bool execute);

    // Kernel access to this space when it may not be the current one (loading
    // a program, building an initial stack): pages are filled in as needed
    // and protection is not checked; the range must be mapped.
    Result<void> write(VirtAddr address, const void* data, size_t size);
    Result<void> read(VirtAddr address, void* data, size_t size);

    // Makes this the current user address space of this CPU (loads CR3).
    void activate();

    // Pages currently backed by a frame, for statistics and leak tests.
    size_t resident_pages() const { return m_resident_pages; }

    // What this space's task costs the kernel: its region table, and the
    // memory objects and snapshots it creates.
    MemoryAccount& account() { return *m_account; }

    // Regions now (touching anonymous regions of one protection are one).
    size_t region_count() const { return m_region_count; }
    // What one region is, for tests and statistics.
    struct RegionView {
        VirtAddr start;
        VirtAddr end;
        Protection protection;
        bool anonymous; // else a memory object or device memory
    };
    // Calls visit(RegionView) for each region, in address order.
    template <typename Visit> void for_each_region(Visit visit) const
    {
        for (size_t i = 0; i < m_region_count; ++i) {
            const Region& region = m_regions[i];
            visit(RegionView { region.start, region.end, region.protection, region.backing == Backing::anonymous });
        }
    }

    // Regions at most: bounds the kernel heap one table takes (40 bytes a
    // region, charged to the account) and the work of a lookup; past it: no_space.
    static constexpr size_t kMaxRegions = 1u << 16;
    // The largest single allocation (bounds the work of freeing a region).
    static constexpr size_t kMaxAllocation = 1ull << 30;

    // Live address spaces (for leak checks).
    static size_t live_count();

private:
    enum class Backing : uint8_t { anonymous, object, physical, contiguous };

    struct Region {
        VirtAddr start;
        VirtAddr end;
        // object: byte offset of `start` in the object; physical and
        // contiguous: physical address of `start`
        uint64_t base;
        MemoryObject* object; // object: referenced
        Protection protection;
        Backing backing;
        bool cached;
    };

    AddressSpace(PageTable&& table, MemoryAccount* account);
    friend class freestanding::ObjectCache<AddressSpace>;

    // The index of the first region that ends after `address` (m_region_count if none).
    size_t first_ending_after(VirtAddr address) const;
    Region* find_region(VirtAddr address);
    // Makes room for `count` regions in the table (growing it from the
    // heap, charged to the account), so that the inserts and splits that
    // follow cannot fail: every change is reserved before anything moves.
    Result<void> reserve_regions(size_t count);
    // Splits needed so that regions start at both `start` and `end`.
    size_t splits_for(VirtAddr start, VirtAddr end) const;
    bool range_is_free(VirtAddr start, VirtAddr end) const;
    Result<VirtAddr> find_free_range(VirtAddr from, size_t size) const;
    // Inserts `region` in order; room must have been reserved.
    void insert_reserved(Region region);
    // Reserves room and inserts.
    Result<void> insert_region(Region region);
    Result<VirtAddr> place(VirtAddr address, size_t size, bool anywhere) const;
    bool cuts_contiguous(VirtAddr start, VirtAddr end) const;
    void release_region(const Region& region);
    Result<PhysAddr> writable_frame(VirtAddr page, const Region& region);
    template <typename Visit> Result<void> walk_pages(VirtAddr address, size_t size, bool for_writing, Visit visit);
    Result<void> break_copy_on_write(VirtAddr page, const Region& region, PhysAddr frame);
    Result<void> share_into(MemoryObject& snapshot, size_t index, VirtAddr page, const Region& region);
    Result<void> share_page_with(AddressSpace& child, VirtAddr page, const Region& region);
    // The flags of a page shared copy-on-write: read-only until written.
    static PageFlags copy_on_write_flags(Protection protection);
    // Splits the region holding `address` there; room must have been reserved.
    void split_at(VirtAddr address);
    // Joins the anonymous regions of one protection that touch [start, end],
    // so that repeated calls do not pile up regions.
    void merge_around(VirtAddr start, VirtAddr end);
    // Removes the regions [first, last) of the table (their pages and
    // references are the caller's business).
    void remove_regions(size_t first, size_t last);
    Result<PhysAddr> populate(VirtAddr page, const Region& region);
    // Calls visit(page) for each page of [start, end) mapped in the page
    // table, in order: the cost follows the resident pages, not the size.
    template <typename Visit> void for_each_mapped(VirtAddr start, VirtAddr end, Visit visit) const
    {
        for (VirtAddr page = m_table.next_mapped(start, end); page < end;
             page = m_table.next_mapped(page + kPageSize, end))
            visit(page);
    }
    void free_page(VirtAddr page, const Region& region);
    Result<void> map_page(VirtAddr page, PhysAddr frame, PageFlags flags);
    void flush(VirtAddr page);
    bool is_active() const;

    PageTable m_table;
    MemoryAccount* m_account; // referenced
    Region* m_regions = nullptr; // sorted by address, from the heap; m_region_capacity of them
    size_t m_region_count = 0;
    size_t m_region_capacity = 0;
    size_t m_resident_pages = 0;
};

// The user address space this CPU runs (the last activated), or null.
// FIXME(SMP): per CPU.
inline AddressSpace* g_active_space = nullptr;
inline AddressSpace* current_address_space() { return g_active_space; }
// Forgets `space` as the current one (before destroying it); the kernel's
// own tables are loaded instead.
void deactivate_address_space(AddressSpace& space);

// Copies between the kernel and the *current* user address space. The whole
// user range must lie in [kUserBottom, kUserTop); a fault that cannot be
// resolved gives bad_address (never a kernel panic). Inline: every
// message goes through them.
Result<void> copy_from_user(void* to, VirtAddr user_from, size_t size);
Result<void> copy_to_user(VirtAddr user_to, const void* from, size_t size);

// The range [address, address + size) lies in user space (no wrap).
inline bool is_user_range(VirtAddr address, size_t size)
{
    return address >= kUserBottom && address < kUserTop && size <= kUserTop - address;
}

inline Result<void> copy_from_user(void* to, VirtAddr user_from, size_t size)
{
    if (size == 0)
        return {};
    if (!is_user_range(user_from, size) || !current_address_space())
        return Error::bad_address;
    if (copy_bytes_checked(to, reinterpret_cast<const void*>(user_from), size) != 0)
        return Error::bad_address;
    return {};
}

inline Result<void> copy_to_user(VirtAddr user_to, const void* from, size_t size)
{
    if (size == 0)
        return {};
    if (!is_user_range(user_to, size) || !current_address_space())
        return Error::bad_address;
    if (copy_bytes_checked(reinterpret_cast<void*>(user_to), from, size) != 0)
        return Error::bad_address;
    return {};
}

} // namespace vm
