// The physical frame allocator: a binary buddy allocator over the usable
// memory the boot loader reported, in blocks of 2^order frames (order 0..10,
// 4 KiB..4 MiB), each block naturally aligned.
//
// Boot order (kernel_main / vm::init_kernel_memory), while the boot page
// tables still map the first 4 GiB at kDirectMapBase:
//   1. vm::frame_allocator().init(boot_info.memory, boot_info.memory_count,
//                                 reserved, reserved_count, vm::PhysWindow::direct_map())
//      where `reserved` lists the kernel image [__kernel_phys_start,
//      __kernel_end - vm::kKernelBase) (linker.ld), every boot module
//      [start, end) and the Multiboot2 information [info_start, info_end).
//      The first 1 MiB is always kept out. init needs no memory but what it
//      manages: it writes only its Frame array, placed below 4 GiB.
//   2. Until the kernel's page tables map all of RAM at kDirectMapBase,
//      allocate only with Zone::low (frames below 4 GiB).
//   3. Then kern::heap_init(...) (see vm/heap.h).
#pragma once

#include <boot/boot_info.h>
#include <freestanding/result.h>
#include <freestanding/spinlock.h>
#include <stddef.h>
#include <stdint.h>
#include <vm/layout.h>
#include <vm/phys_window.h>

namespace vm {

// A range of physical addresses [start, end).
struct PhysRange {
    PhysAddr start;
    PhysAddr end;
};

// Physical memory is split at 4 GiB: `low` frames are reachable by 32-bit
// DMA and by early boot code (which maps only the first 4 GiB).
enum class Zone : uint8_t {
    low,
    high,
    any, // for allocation only: high if there is any, else low
};

enum class FrameState : uint8_t {
    unusable, // not managed: a hole, reserved, or the allocator's own metadata
    free, // the first frame of a free block
    allocated, // the first frame of an allocated block
    tail, // any other frame of a block (free or allocated)
};

// What the allocator knows about one physical frame: 8 bytes, so the array
// costs 0.2% of memory. The free lists are linked through these entries, not
// through the free frames themselves: the allocator never touches memory it
// hands out, so it works before the direct map covers all of RAM and stray
// writes into free memory cannot corrupt its lists. Links are 29-bit frame
// indexes, which bounds one allocator to 2 TiB of physical address span.
class Frame {
public:
    FrameState state() const { return static_cast<FrameState>(m_state); }

    // The block's order (for the first frame of a free or allocated block).
    unsigned order() const { return m_order; }

    // References to an allocated block (1 when allocated), kept for copy-on-write.
    // FIXME: plain, not atomic: the block's owner must serialise changes.
    uint32_t ref_count() const;
    void set_ref_count(uint32_t count);

    // A small tag the owner of an allocated block may keep (0 when allocated);
    // the heap uses it to recognise its own blocks.
    uint32_t owner_tag() const;
    void set_owner_tag(uint32_t tag);

private:
    friend class FrameAllocator;

    uint64_t m_state : 2;
    uint64_t m_order : 4;
    uint64_t m_next_or_refs : 29; // free: next free block's index; allocated: ref_count
    uint64_t m_prev_or_owner : 29; // free: previous free block's index; allocated: owner_tag
};
static_assert(sizeof(Frame) == 8);

class FrameAllocator {
public:
    static constexpr unsigned kMaxOrder = 10;
    // Frame indexes are 29 bits wide; the all-ones value means "none".
    static constexpr uint32_t kMaxFrames = (1u << 29) - 1;

    constexpr FrameAllocator() = default;
    FrameAllocator(const FrameAllocator&) = delete;
    FrameAllocator& operator=(const FrameAllocator&) = delete;

    // Takes over the `usable` regions of the memory map, trimmed inwards to
    // whole frames, minus every non-usable region, the `reserved` ranges and
    // the first 1 MiB. Places the Frame array in managed memory below 4 GiB.
    // Fails with no_memory if nothing is usable or the array finds no room,
    // invalid_argument if a reserved range ends before it starts.
    Result<void> init(const kern::MemoryRegion* regions, size_t region_count, const PhysRange* reserved,
        size_t reserved_count, PhysWindow window);

    // Allocates 2^order contiguous frames, aligned to their size, from `zone`.
    Result<PhysAddr> allocate(unsigned order = 0, Zone zone = Zone::any);

    // Returns a block from allocate(); the order must match (checked).
    void free(PhysAddr block, unsigned order = 0);

    // Exactly `pages` contiguous frames (1 .. 2^kMaxOrder): a block of the
    // next order whose tail beyond `pages` goes back at once, so a run
    // costs its pages, not the next power of two. Aligned like that block.
    Result<PhysAddr> allocate_run(size_t pages, Zone zone = Zone::any);
    // Returns a run from allocate_run; `pages` must match.
    void free_run(PhysAddr run, size_t pages);

    // The metadata of the frame holding `address` (must be within the managed span).
    Frame& frame(PhysAddr address);

    // Whether [start, end) touches the span of physical memory this
    // allocator manages (RAM and the holes between its regions).
    bool overlaps_managed(PhysAddr start, PhysAddr end) const
    {
        return (start >> kPageShift) < m_end_pfn && ((end + kPageSize - 1) >> kPageShift) > m_base_pfn;
    }

    // Frames managed (free or allocated), and those free now.
    size_t total_frames() const { return m_total_frames; }
    size_t free_frames() const;
    size_t free_frames(Zone zone) const;

    // Where the Frame array itself lives (never handed out).
    PhysRange metadata_range() const { return m_metadata; }

    // The window through which this allocator's memory is reached.
    PhysWindow window() const { return m_window; }

private:
    static constexpr uint32_t kNoFrame = kMaxFrames;
    static constexpr unsigned kZoneCount = 2;

    uint32_t index_of(uint64_t pfn) const { return static_cast<uint32_t>(pfn - m_base_pfn); }
    static unsigned zone_index(uint64_t pfn);
    void push_free(uint64_t pfn, unsigned order);
    void unlink_free(uint64_t pfn, unsigned order);
    Result<PhysAddr> allocate_from(unsigned zone, unsigned order);
    void add_free_run(uint64_t first_pfn, uint64_t end_pfn);
    // Calls visit(offset, order) for the naturally aligned blocks that make up
    // [from, to) of a block (offsets in frames, largest blocks first where they fit).
    template <typename Visit> static void for_each_piece(uint64_t from, uint64_t to, Visit visit);

    mutable freestanding::Spinlock m_lock; // guards the free lists, the Frame array's free entries and the counters
    PhysWindow m_window {};
    Frame* m_frames = nullptr;
    uint64_t m_base_pfn = 0; // Frame index 0
    uint64_t m_end_pfn = 0; // one past the last frame covered by the array
    uint32_t m_free_heads[kZoneCount][kMaxOrder + 1] {};
    size_t m_free_frames[kZoneCount] {};
    size_t m_total_frames = 0;
    PhysRange m_metadata {};
};

// The kernel's frame allocator (initialised by the boot code, see above).
FrameAllocator& frame_allocator();

} // namespace vm
