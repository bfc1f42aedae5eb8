// AddressSpace: the user half of one task's virtual memory — a map of
// regions (each with its protection and its backing memory) over a page
// table whose upper half is the kernel's. Pages are filled in on demand by
// the page fault handler: anonymous memory is zero-filled on first touch,
// copy-on-write pages are copied on first write.
//
// Ownership: a Task owns its AddressSpace (create/destroy). Memory objects
// (shared memory) are reference counted and may outlive a space.
//
// Concurrency: FIXME(SMP): the kernel is single-CPU today; callers run with
// interrupts off or in the owning task's context.
#pragma once

#include <base/result.h>
#include <stddef.h>
#include <stdint.h>
#include <kern/slab.h>
#include <vm/layout.h>
#include <vm/page_table.h>

namespace vm {


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
constexpr VirtAddr kUserBottom = 0x10000;

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

    // FIXME: still to come: shared memory objects (vm_map) and copy-on-write
    // copies of ranges into another space (fork, out-of-line message data).

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

    // Regions at most (each allocate may add one, a deallocate or protect in
    // the middle of a region splits it); past it: no_space.
    static constexpr size_t kMaxRegions = 64;
    // The largest single allocation (bounds the work of freeing a region).
    static constexpr size_t kMaxAllocation = 1ull << 30;

    // Live address spaces (for leak checks).
    static size_t live_count();

private:
    struct Region {
        VirtAddr start;
        VirtAddr end;
        Protection protection;
    };

    explicit AddressSpace(PageTable&& table);
    friend class kern::ObjectCache<AddressSpace>;

    Region* find_region(VirtAddr address);
    bool range_is_free(VirtAddr start, VirtAddr end) const;
    Result<VirtAddr> find_free_range(VirtAddr from, size_t size) const;
    Result<void> insert_region(Region region);
    Result<void> split_at(VirtAddr address);
    void merge_neighbours();
    void remove_region(size_t index);
    size_t regions_after_cut(VirtAddr start, VirtAddr end) const;
    Result<PhysAddr> populate(VirtAddr page, Protection protection);
    void free_page(VirtAddr page);
    void flush(VirtAddr page);
    bool is_active() const;

    PageTable m_table;
    Region m_regions[kMaxRegions];
    size_t m_region_count = 0;
    size_t m_resident_pages = 0;
};

// The user address space this CPU runs (the last activated), or null.
AddressSpace* current_address_space();
// Forgets `space` as the current one (before destroying it); the kernel's
// own tables are loaded instead.
void deactivate_address_space(AddressSpace& space);

// Copies between the kernel and the *current* user address space. The whole
// user range must lie in [kUserBottom, kUserTop); a fault that cannot be
// resolved gives bad_address (never a kernel panic).
Result<void> copy_from_user(void* to, VirtAddr user_from, size_t size);
Result<void> copy_to_user(VirtAddr user_to, const void* from, size_t size);

} // namespace vm
