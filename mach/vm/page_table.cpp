// x86-64 four-level paging, levels numbered from the leaf: 0 page table
// (4 KiB entries), 1 page directory (2 MiB entries), 2 PDPT, 3 PML4.
#include <freestanding/assert.h>
#include <vm/memory_account.h>
#include <vm/page_table.h>

#ifndef PORTICO_HOST
#include <freestanding/string.h>
#else
#include <string.h>
#endif

namespace vm {

namespace {

constexpr uint64_t kPresent = 1ull << 0;
constexpr uint64_t kWritable = 1ull << 1;
constexpr uint64_t kUser = 1ull << 2;
constexpr uint64_t kWriteThrough = 1ull << 3;
constexpr uint64_t kCacheDisable = 1ull << 4;
constexpr uint64_t kLarge = 1ull << 7;
constexpr uint64_t kGlobal = 1ull << 8;
constexpr uint64_t kNoExecute = 1ull << 63;
constexpr uint64_t kAddressMask = 0x000ffffffffff000ull;
constexpr PhysAddr kPhysLimit = 1ull << 52;

// Intermediate entries allow everything, so that the leaf alone decides.
constexpr uint64_t kTableEntry = kPresent | kWritable | kUser;

constexpr size_t kEntries = 512;
constexpr size_t kFirstUpperHalfEntry = 256;

unsigned index_at(VirtAddr virt, int level) { return (virt >> (kPageShift + 9 * level)) & (kEntries - 1); }

// Bits 63..47 must all equal bit 47.
bool is_canonical(VirtAddr virt)
{
    uint64_t top = virt >> 47;
    return top == 0 || top == (1ull << 17) - 1;
}

uint64_t encode(PageFlags flags)
{
    uint64_t bits = 0;
    bits |= has_flags(flags, PageFlags::writable) ? kWritable : 0;
    bits |= has_flags(flags, PageFlags::user) ? kUser : 0;
    bits |= has_flags(flags, PageFlags::no_execute) ? kNoExecute : 0;
    bits |= has_flags(flags, PageFlags::global) ? kGlobal : 0;
    bits |= has_flags(flags, PageFlags::cache_disable) ? kCacheDisable : 0;
    bits |= has_flags(flags, PageFlags::write_through) ? kWriteThrough : 0;
    return bits;
}

PageFlags decode(uint64_t entry)
{
    PageFlags flags = PageFlags::none;
    flags = flags | ((entry & kWritable) ? PageFlags::writable : PageFlags::none);
    flags = flags | ((entry & kUser) ? PageFlags::user : PageFlags::none);
    flags = flags | ((entry & kNoExecute) ? PageFlags::no_execute : PageFlags::none);
    flags = flags | ((entry & kGlobal) ? PageFlags::global : PageFlags::none);
    flags = flags | ((entry & kCacheDisable) ? PageFlags::cache_disable : PageFlags::none);
    flags = flags | ((entry & kWriteThrough) ? PageFlags::write_through : PageFlags::none);
    return flags;
}

// The page map_range uses at `virt`: 2 MiB when everything lines up.
PageSize piece_size(VirtAddr virt, PhysAddr phys, size_t remaining)
{
    bool large = virt % kLargePageSize == 0 && phys % kLargePageSize == 0 && remaining >= kLargePageSize;
    return large ? PageSize::k2M : PageSize::k4K;
}

} // namespace

PageTable::PageTable(PageTable&& other)
    : m_allocator(other.m_allocator)
    , m_window(other.m_window)
    , m_table_zone(other.m_table_zone)
    , m_root(other.m_root)
    , m_shares_kernel_half(other.m_shares_kernel_half)
    , m_account(other.m_account)
{
    other.m_root = 0;
    other.m_account = nullptr;
}

PageTable& PageTable::operator=(PageTable&& other)
{
    ASSERT(m_root == 0);
    m_allocator = other.m_allocator;
    m_window = other.m_window;
    m_table_zone = other.m_table_zone;
    m_root = other.m_root;
    m_shares_kernel_half = other.m_shares_kernel_half;
    m_account = other.m_account;
    other.m_root = 0;
    other.m_account = nullptr;
    return *this;
}

Result<PageTable> PageTable::create(FrameAllocator& allocator, PhysWindow window, Zone table_zone)
{
    PageTable tree(allocator, window, table_zone, 0);
    tree.m_root = TRY(tree.allocate_table());
    return tree;
}

Result<void> PageTable::charge_tables_to(MemoryAccount& account)
{
    ASSERT(m_root != 0 && m_account == nullptr);
    TRY(account.charge(kPageSize));
    m_account = &account;
    return {};
}

Result<PhysAddr> PageTable::allocate_table()
{
    if (m_account)
        TRY(m_account->charge(kPageSize));
    Result<PhysAddr> phys = m_allocator->allocate(0, m_table_zone);
    if (!phys.ok()) {
        if (m_account)
            m_account->uncharge(kPageSize);
        return phys.error();
    }
    memset(table(phys.value()), 0, kPageSize);
    return phys.value();
}

void PageTable::free_table(PhysAddr phys)
{
    m_allocator->free(phys);
    if (m_account)
        m_account->uncharge(kPageSize);
}

Result<void> PageTable::map(VirtAddr virt, PhysAddr phys, PageSize size, PageFlags flags)
{
    ASSERT(m_root != 0);
    uint64_t bytes = page_bytes(size);
    if (!is_canonical(virt) || virt % bytes != 0 || phys % bytes != 0 || phys >= kPhysLimit)
        return Error::invalid_argument;

    // Tables this call adds, so that running out of frames takes them back.
    uint64_t* added_entries[3];
    PhysAddr added_tables[3];
    int added = 0;
    int leaf_level = size == PageSize::k4K ? 0 : 1;
    uint64_t* entries = table(m_root);
    for (int level = 3; level > leaf_level; --level) {
        uint64_t& entry = entries[index_at(virt, level)];
        if (!(entry & kPresent)) {
            Result<PhysAddr> new_table = allocate_table();
            if (!new_table.ok()) {
                while (added > 0) {
                    --added;
                    *added_entries[added] = 0;
                    free_table(added_tables[added]);
                }
                return new_table.error();
            }
            entry = new_table.value() | kTableEntry;
            added_entries[added] = &entry;
            added_tables[added] = new_table.value();
            ++added;
        } else if (entry & kLarge) {
            return Error::already_exists; // a 2 MiB page covers this 4 KiB one
        }
        entries = table(entry & kAddressMask);
    }
    uint64_t& leaf = entries[index_at(virt, leaf_level)];
    if (leaf & kPresent)
        return Error::already_exists;
    leaf = phys | encode(flags) | kPresent | (size == PageSize::k2M ? kLarge : 0);
    return {};
}

Result<void> PageTable::map_range(VirtAddr virt, PhysAddr phys, size_t length, PageFlags flags)
{
    if (length == 0 || length % kPageSize != 0 || virt % kPageSize != 0 || phys % kPageSize != 0)
        return Error::invalid_argument;
    VirtAddr last = virt + (length - 1);
    if (last < virt || !is_canonical(virt) || !is_canonical(last) || (virt >> 63) != (last >> 63))
        return Error::invalid_argument;
    if (phys >= kPhysLimit || length > kPhysLimit - phys)
        return Error::invalid_argument;

    size_t done = 0;
    while (done < length) {
        PageSize size = piece_size(virt + done, phys + done, length - done);
        Result<void> mapped = map(virt + done, phys + done, size, flags);
        if (!mapped.ok()) {
            // Walk the same pieces again and take them out.
            for (size_t undone = 0; undone < done;) {
                PageSize undo_size = piece_size(virt + undone, phys + undone, length - undone);
                Result<void> unmapped = unmap(virt + undone);
                ASSERT(unmapped.ok());
                undone += page_bytes(undo_size);
            }
            return mapped.error();
        }
        done += page_bytes(size);
    }
    return {};
}

uint64_t* PageTable::find_leaf(VirtAddr virt, PageSize& size) const
{
    uint64_t* entries = table(m_root);
    for (int level = 3;; --level) {
        uint64_t* entry = &entries[index_at(virt, level)];
        if (!(*entry & kPresent))
            return nullptr;
        if (level == 0 || (*entry & kLarge)) {
            // This code never makes 1 GiB pages, and PML4 entries cannot be leaves.
            ASSERT(level <= 1);
            size = level == 0 ? PageSize::k4K : PageSize::k2M;
            return entry;
        }
        entries = table(*entry & kAddressMask);
    }
}

VirtAddr PageTable::next_mapped(VirtAddr virt, VirtAddr end) const
{
    ASSERT(m_root != 0);
    while (virt < end) {
        const uint64_t* entries = table(m_root);
        for (int level = 3;; --level) {
            if (level == 0) {
                // Along the last table, without walking down again for each entry.
                for (unsigned index = index_at(virt, 0); index < kEntries; ++index) {
                    if (entries[index] & kPresent)
                        return virt;
                    virt += kPageSize;
                    if (virt >= end)
                        return end;
                }
                break; // the next table: from the root again
            }
            uint64_t entry = entries[index_at(virt, level)];
            if (!(entry & kPresent)) {
                uint64_t span = 1ull << (kPageShift + 9 * level); // what the absent entry covers
                virt = (virt & ~(span - 1)) + span;
                break;
            }
            if (entry & kLarge)
                return virt;
            entries = table(entry & kAddressMask);
        }
    }
    return end;
}

Result<void> PageTable::unmap(VirtAddr virt)
{
    ASSERT(m_root != 0);
    if (!is_canonical(virt))
        return Error::invalid_argument;
    PageSize size;
    uint64_t* leaf = find_leaf(virt, size);
    if (leaf == nullptr)
        return Error::not_found;
    if (virt % page_bytes(size) != 0)
        return Error::invalid_argument;
    *leaf = 0;
    return {};
}

Result<void> PageTable::protect(VirtAddr virt, PageFlags flags)
{
    ASSERT(m_root != 0);
    if (!is_canonical(virt))
        return Error::invalid_argument;
    PageSize size;
    uint64_t* leaf = find_leaf(virt, size);
    if (leaf == nullptr)
        return Error::not_found;
    if (virt % page_bytes(size) != 0)
        return Error::invalid_argument;
    *leaf = (*leaf & (kAddressMask | kLarge)) | encode(flags) | kPresent;
    return {};
}

Result<Translation> PageTable::translate(VirtAddr virt) const
{
    ASSERT(m_root != 0);
    if (!is_canonical(virt))
        return Error::invalid_argument;
    PageSize size;
    const uint64_t* leaf = find_leaf(virt, size);
    if (leaf == nullptr)
        return Error::not_found;
    uint64_t bytes = page_bytes(size);
    PhysAddr base = *leaf & kAddressMask & ~(bytes - 1);
    return Translation { base + (virt & (bytes - 1)), decode(*leaf), size };
}

void PageTable::adopt_kernel_half(const PageTable& kernel)
{
    ASSERT(m_root != 0 && kernel.m_root != 0);
    uint64_t* ours = table(m_root);
    const uint64_t* theirs = kernel.table(kernel.m_root);
    for (size_t i = kFirstUpperHalfEntry; i < kEntries; ++i) {
        ASSERT(!(ours[i] & kPresent));
        ours[i] = theirs[i];
    }
    m_shares_kernel_half = true;
}

void PageTable::free_subtree(PhysAddr table_phys, int level)
{
    if (level > 0) {
        const uint64_t* entries = table(table_phys);
        for (size_t i = 0; i < kEntries; ++i) {
            if ((entries[i] & kPresent) && !(entries[i] & kLarge))
                free_subtree(entries[i] & kAddressMask, level - 1);
        }
    }
    free_table(table_phys);
}

void PageTable::destroy()
{
    if (m_root == 0)
        return;
    const uint64_t* root = table(m_root);
    size_t own_entries = m_shares_kernel_half ? kFirstUpperHalfEntry : kEntries;
    for (size_t i = 0; i < own_entries; ++i) {
        if (root[i] & kPresent)
            free_subtree(root[i] & kAddressMask, 2);
    }
    free_table(m_root);
    m_root = 0;
    m_shares_kernel_half = false;
    m_account = nullptr;
}

} // namespace vm
