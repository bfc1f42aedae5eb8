// PageTable: one x86-64 four-level page table tree, handled as data. It
// builds, changes and reads entries; it never flushes TLBs or loads CR3 —
// the caller does that after a change, and also serialises changes to one
// tree (an address space holds the lock).
//
// Table frames come from a FrameAllocator and are reached through a
// PhysWindow. Tables below the root are only freed by destroy(): unmap()
// leaves an emptied table in place for later mappings, so no table is ever
// freed while a CPU may still cache a pointer to it.
#pragma once

#include <freestanding/result.h>
#include <stddef.h>
#include <stdint.h>
#include <vm/frame_allocator.h>
#include <vm/layout.h>
#include <vm/phys_window.h>

namespace vm {

class MemoryAccount;

enum class PageSize : uint8_t {
    k4K,
    k2M,
};

// Bytes covered by one page of `size`.
constexpr uint64_t page_bytes(PageSize size) { return size == PageSize::k4K ? kPageSize : kLargePageSize; }

// What a mapping allows. Without `writable` a page is read-only; without
// `user` only the kernel reaches it. `no_execute` needs EFER.NXE set by the
// CPU set-up code, or the CPU faults on the reserved bit.
enum class PageFlags : uint32_t {
    none = 0,
    writable = 1u << 0,
    user = 1u << 1,
    no_execute = 1u << 2,
    global = 1u << 3,
    cache_disable = 1u << 4,
    write_through = 1u << 5,
};

constexpr PageFlags operator|(PageFlags a, PageFlags b)
{
    return static_cast<PageFlags>(static_cast<uint32_t>(a) | static_cast<uint32_t>(b));
}
constexpr PageFlags operator&(PageFlags a, PageFlags b)
{
    return static_cast<PageFlags>(static_cast<uint32_t>(a) & static_cast<uint32_t>(b));
}
// True if every flag of `wanted` is in `flags`.
constexpr bool has_flags(PageFlags flags, PageFlags wanted) { return (flags & wanted) == wanted; }

// Where a virtual address leads.
struct Translation {
    PhysAddr phys; // the physical address of the byte asked about
    PageFlags flags; // the flags of the page holding it
    PageSize size; // the size of that page
};

class PageTable {
public:
    // An empty handle with no tree (a placeholder for a global).
    constexpr PageTable() = default;
    PageTable(PageTable&& other);
    // Takes over `other`'s tree; this handle must be empty (or destroyed).
    PageTable& operator=(PageTable&& other);
    PageTable(const PageTable&) = delete;
    PageTable& operator=(const PageTable&) = delete;

    // A tree with a zeroed root. Tables are taken from `table_zone`: early
    // boot, which reaches only the first 4 GiB, passes Zone::low.
    static Result<PageTable> create(FrameAllocator& allocator, PhysWindow window, Zone table_zone = Zone::any);

    // Charges this tree's tables to `account` from now on: the root now,
    // each table added later as it is added, each freed one given back
    // (a user space's tables are its task's metadata). no_space if the
    // account has no room for the root; the tree must not have one set yet.
    Result<void> charge_tables_to(MemoryAccount& account);

    // Maps one page. invalid_argument: non-canonical or misaligned address;
    // already_exists: something (or a page table, for k2M) is mapped there;
    // no_memory: no frame for a table; no_space: the account of
    // charge_tables_to has no room for one (either way no table allocated
    // by this call is kept).
    Result<void> map(VirtAddr virt, PhysAddr phys, PageSize size, PageFlags flags);

    // Maps [virt, virt + length) to [phys, phys + length) with 2 MiB pages
    // wherever both addresses and the remaining length allow, 4 KiB pages
    // elsewhere. All or nothing: on error every page it mapped is unmapped
    // again (emptied tables stay for reuse, freed by destroy()).
    Result<void> map_range(VirtAddr virt, PhysAddr phys, size_t length, PageFlags flags);

    // Removes the page that starts at `virt` (a 2 MiB page is removed whole,
    // from its first address only). not_found if nothing is mapped there.
    Result<void> unmap(VirtAddr virt);

    // Replaces the flags of the page that starts at `virt`.
    Result<void> protect(VirtAddr virt, PageFlags flags);

    // Where `virt` leads; not_found if it is not mapped.
    Result<Translation> translate(VirtAddr virt) const;

    // The first page-aligned address in [virt, end) at which a page is
    // mapped, or `end` if there is none. Absent tables are stepped over
    // whole, so a sparse range costs its tables, not its size.
    VirtAddr next_mapped(VirtAddr virt, VirtAddr end) const;

    // Shares the kernel's upper half (PML4 entries 256..511) with this tree.
    // This tree's upper half must be empty; later kernel mappings show up
    // here only inside upper-half tables that already existed in `kernel`.
    void adopt_kernel_half(const PageTable& kernel);

    // Frees every table frame of the tree, the root included — except the
    // upper half if it was adopted. Mapped frames are the caller's.
    void destroy();

    // The root table's physical address (for CR3); 0 for an empty handle.
    PhysAddr root() const { return m_root; }

private:
    PageTable(FrameAllocator& allocator, PhysWindow window, Zone table_zone, PhysAddr root)
        : m_allocator(&allocator)
        , m_window(window)
        , m_table_zone(table_zone)
        , m_root(root)
    {
    }

    uint64_t* table(PhysAddr phys) const { return static_cast<uint64_t*>(m_window.to_virt(phys)); }
    Result<PhysAddr> allocate_table();
    void free_table(PhysAddr phys);
    uint64_t* find_leaf(VirtAddr virt, PageSize& size) const;
    void free_subtree(PhysAddr table_phys, int level);

    FrameAllocator* m_allocator = nullptr;
    PhysWindow m_window {};
    Zone m_table_zone = Zone::any;
    PhysAddr m_root = 0;
    bool m_shares_kernel_half = false;
    MemoryAccount* m_account = nullptr; // charged for the tables, if set (not owned)
};

} // namespace vm
