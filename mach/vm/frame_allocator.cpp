// The buddy frame allocator. Blocks are naturally aligned in physical
// address, so a block's buddy is found by flipping one bit of its frame
// number, and no block ever crosses 4 GiB (a multiple of the largest block):
// buddies always share a zone.
#include <freestanding/assert.h>
#include <vm/frame_allocator.h>

#ifndef PORTICO_HOST
#include <freestanding/string.h>
#else
#include <string.h>
#endif

namespace vm {

namespace {

constexpr PhysAddr kLowMemoryEnd = 1ull << 20; // the first 1 MiB: BIOS, real-mode leftovers
constexpr PhysAddr kZoneBoundary = 1ull << 32; // 4 GiB
constexpr PhysAddr kPhysAddrLimit = 1ull << 52; // x86-64's widest physical address
constexpr uint64_t kZoneBoundaryPfn = kZoneBoundary >> kPageShift;

FrameAllocator g_frame_allocator;

// [base, base + length) clamped to the physical address limit, without overflow.
PhysRange clamp_range(PhysAddr base, uint64_t length)
{
    if (base >= kPhysAddrLimit)
        return { kPhysAddrLimit, kPhysAddrLimit };
    PhysAddr end = length > kPhysAddrLimit - base ? kPhysAddrLimit : base + length;
    return { base, end };
}

// The memory the allocator may manage is the usable regions minus these
// exclusions: every non-usable region (firmware maps may overlap), the
// caller's reserved ranges, and the first 1 MiB. All are widened outwards
// to whole frames.
class Exclusions {
public:
    Exclusions(const kern::MemoryRegion* regions, size_t region_count, const PhysRange* reserved, size_t reserved_count)
        : m_regions(regions)
        , m_region_count(region_count)
        , m_reserved(reserved)
        , m_reserved_count(reserved_count)
    {
    }

    size_t count() const { return 1 + m_reserved_count + m_region_count; }

    // Exclusion number i, or false if that slot excludes nothing.
    bool get(size_t i, PhysRange& out) const
    {
        PhysRange range { 0, kLowMemoryEnd };
        if (i >= 1 && i < 1 + m_reserved_count) {
            range = m_reserved[i - 1];
            range.end = range.end > kPhysAddrLimit ? kPhysAddrLimit : range.end;
        } else if (i >= 1 + m_reserved_count) {
            const kern::MemoryRegion& region = m_regions[i - 1 - m_reserved_count];
            if (region.type == kern::MemoryType::usable)
                return false;
            range = clamp_range(region.base, region.length);
        }
        if (range.start >= range.end)
            return false;
        out = { align_down(range.start, kPageSize), align_up(range.end, kPageSize) };
        return true;
    }

private:
    const kern::MemoryRegion* m_regions;
    size_t m_region_count;
    const PhysRange* m_reserved;
    size_t m_reserved_count;
};

// Calls visit(PhysRange) for each page-aligned piece of usable memory that no
// exclusion touches. Pieces of overlapping usable regions may repeat.
template <typename Visit>
void for_each_available_span(
    const kern::MemoryRegion* regions, size_t region_count, const Exclusions& exclusions, Visit visit)
{
    for (size_t r = 0; r < region_count; ++r) {
        if (regions[r].type != kern::MemoryType::usable)
            continue;
        PhysRange region = clamp_range(regions[r].base, regions[r].length);
        PhysAddr cursor = align_up(region.start, kPageSize);
        PhysAddr end = align_down(region.end, kPageSize);
        while (cursor < end) {
            // The exclusion overlapping [cursor, end) that starts first.
            bool found = false;
            PhysRange first {};
            for (size_t i = 0; i < exclusions.count(); ++i) {
                PhysRange x;
                if (!exclusions.get(i, x) || x.end <= cursor || x.start >= end)
                    continue;
                if (!found || x.start < first.start)
                    first = x;
                found = true;
            }
            if (!found) {
                visit(PhysRange { cursor, end });
                break;
            }
            if (first.start > cursor)
                visit(PhysRange { cursor, first.start });
            cursor = first.end > cursor ? first.end : cursor;
        }
    }
}

} // namespace

uint32_t Frame::ref_count() const
{
    ASSERT(state() == FrameState::allocated);
    return static_cast<uint32_t>(m_next_or_refs);
}

void Frame::set_ref_count(uint32_t count)
{
    ASSERT(state() == FrameState::allocated && count < (1u << 29));
    m_next_or_refs = count;
}

uint32_t Frame::owner_tag() const
{
    ASSERT(state() == FrameState::allocated);
    return static_cast<uint32_t>(m_prev_or_owner);
}

void Frame::set_owner_tag(uint32_t tag)
{
    ASSERT(state() == FrameState::allocated && tag < (1u << 29));
    m_prev_or_owner = tag;
}

FrameAllocator& frame_allocator() { return g_frame_allocator; }

unsigned FrameAllocator::zone_index(uint64_t pfn) { return pfn < kZoneBoundaryPfn ? 0 : 1; }

Result<void> FrameAllocator::init(const kern::MemoryRegion* regions, size_t region_count, const PhysRange* reserved,
    size_t reserved_count, PhysWindow window)
{
    ASSERT(m_frames == nullptr);
    // An inverted range would reserve nothing, and hand out what it meant to keep.
    for (size_t i = 0; i < reserved_count; ++i) {
        if (reserved[i].start > reserved[i].end)
            return Error::invalid_argument;
    }
    Exclusions exclusions(regions, region_count, reserved, reserved_count);

    // The span of frame numbers the Frame array must cover.
    uint64_t base_pfn = ~0ull, end_pfn = 0;
    for_each_available_span(regions, region_count, exclusions, [&](PhysRange span) {
        uint64_t first = span.start >> kPageShift, end = span.end >> kPageShift;
        base_pfn = first < base_pfn ? first : base_pfn;
        end_pfn = end > end_pfn ? end : end_pfn;
    });
    if (end_pfn == 0)
        return Error::no_memory;
    // FIXME: memory beyond 2 TiB above the lowest usable frame stays unused.
    if (end_pfn - base_pfn > kMaxFrames)
        end_pfn = base_pfn + kMaxFrames;

    // The array goes as high below 4 GiB as it fits: early boot reaches only
    // that much, and the lowest memory is the scarcest (legacy DMA).
    uint64_t array_bytes = align_up((end_pfn - base_pfn) * sizeof(Frame), kPageSize);
    PhysAddr array_start = 0;
    bool placed = false;
    for_each_available_span(regions, region_count, exclusions, [&](PhysRange span) {
        PhysAddr top = span.end < kZoneBoundary ? span.end : kZoneBoundary;
        if (top > end_pfn << kPageShift)
            top = end_pfn << kPageShift;
        if (top <= span.start || top - span.start < array_bytes)
            return;
        if (!placed || top - array_bytes > array_start)
            array_start = top - array_bytes;
        placed = true;
    });
    if (!placed)
        return Error::no_memory;

    freestanding::SpinlockGuard guard(m_lock);
    m_window = window;
    m_base_pfn = base_pfn;
    m_end_pfn = end_pfn;
    m_metadata = { array_start, array_start + array_bytes };
    m_frames = static_cast<Frame*>(window.to_virt(array_start));
    // All zero bits: every frame unusable, until proven otherwise.
    memset(static_cast<void*>(m_frames), 0, array_bytes);
    for (auto& heads : m_free_heads)
        for (uint32_t& head : heads)
            head = kNoFrame;

    // Mark what is available (overlapping regions mark a frame twice, which
    // is harmless), then take the array's own frames back out.
    for_each_available_span(regions, region_count, exclusions, [&](PhysRange span) {
        uint64_t first = span.start >> kPageShift, end = span.end >> kPageShift;
        for (uint64_t pfn = first; pfn < end && pfn < m_end_pfn; ++pfn)
            m_frames[index_of(pfn)].m_state = static_cast<uint64_t>(FrameState::free);
    });
    for (uint64_t pfn = array_start >> kPageShift; pfn < m_metadata.end >> kPageShift; ++pfn)
        m_frames[index_of(pfn)].m_state = static_cast<uint64_t>(FrameState::unusable);

    // Cut each run of available frames into the largest aligned blocks.
    uint64_t pfn = m_base_pfn;
    while (pfn < m_end_pfn) {
        if (m_frames[index_of(pfn)].state() != FrameState::free) {
            ++pfn;
            continue;
        }
        uint64_t run_end = pfn;
        while (run_end < m_end_pfn && m_frames[index_of(run_end)].state() == FrameState::free)
            ++run_end;
        add_free_run(pfn, run_end);
        pfn = run_end;
    }
    return {};
}

void FrameAllocator::add_free_run(uint64_t first_pfn, uint64_t end_pfn)
{
    uint64_t pfn = first_pfn;
    while (pfn < end_pfn) {
        unsigned order = kMaxOrder;
        while (order > 0 && ((pfn & ((1ull << order) - 1)) != 0 || pfn + (1ull << order) > end_pfn))
            --order;
        for (uint64_t tail = pfn + 1; tail < pfn + (1ull << order); ++tail)
            m_frames[index_of(tail)].m_state = static_cast<uint64_t>(FrameState::tail);
        push_free(pfn, order);
        m_total_frames += 1ull << order;
        pfn += 1ull << order;
    }
}

void FrameAllocator::push_free(uint64_t pfn, unsigned order)
{
    unsigned zone = zone_index(pfn);
    uint32_t index = index_of(pfn);
    Frame& frame = m_frames[index];
    frame.m_state = static_cast<uint64_t>(FrameState::free);
    frame.m_order = order;
    frame.m_prev_or_owner = kNoFrame;
    frame.m_next_or_refs = m_free_heads[zone][order];
    if (m_free_heads[zone][order] != kNoFrame)
        m_frames[m_free_heads[zone][order]].m_prev_or_owner = index;
    m_free_heads[zone][order] = index;
    m_free_frames[zone] += 1ull << order;
}

void FrameAllocator::unlink_free(uint64_t pfn, unsigned order)
{
    unsigned zone = zone_index(pfn);
    Frame& frame = m_frames[index_of(pfn)];
    uint32_t next = static_cast<uint32_t>(frame.m_next_or_refs);
    uint32_t prev = static_cast<uint32_t>(frame.m_prev_or_owner);
    if (prev == kNoFrame)
        m_free_heads[zone][order] = next;
    else
        m_frames[prev].m_next_or_refs = next;
    if (next != kNoFrame)
        m_frames[next].m_prev_or_owner = prev;
    m_free_frames[zone] -= 1ull << order;
}

Result<PhysAddr> FrameAllocator::allocate_from(unsigned zone, unsigned order)
{
    unsigned found = order;
    while (found <= kMaxOrder && m_free_heads[zone][found] == kNoFrame)
        ++found;
    if (found > kMaxOrder)
        return Error::no_memory;

    uint64_t pfn = m_base_pfn + m_free_heads[zone][found];
    unlink_free(pfn, found);
    // Split: the upper half of each too-large block goes back on a list.
    while (found > order) {
        --found;
        push_free(pfn + (1ull << found), found);
    }
    Frame& frame = m_frames[index_of(pfn)];
    frame.m_state = static_cast<uint64_t>(FrameState::allocated);
    frame.m_order = order;
    frame.m_next_or_refs = 1;
    frame.m_prev_or_owner = 0;
    return pfn << kPageShift;
}

Result<PhysAddr> FrameAllocator::allocate(unsigned order, Zone zone)
{
    if (order > kMaxOrder)
        return Error::invalid_argument;
    freestanding::SpinlockGuard guard(m_lock);
    if (m_frames == nullptr)
        return Error::no_memory;
    if (zone == Zone::low)
        return allocate_from(0, order);
    if (zone == Zone::high)
        return allocate_from(1, order);
    Result<PhysAddr> high = allocate_from(1, order);
    if (high.ok())
        return high.release_value();
    return allocate_from(0, order);
}

void FrameAllocator::free(PhysAddr block, unsigned order)
{
    ASSERT(order <= kMaxOrder);
    ASSERT(block % (kPageSize << order) == 0);
    freestanding::SpinlockGuard guard(m_lock);
    uint64_t pfn = block >> kPageShift;
    ASSERT(pfn >= m_base_pfn && pfn < m_end_pfn);
    Frame& frame = m_frames[index_of(pfn)];
    ASSERT(frame.state() == FrameState::allocated);
    ASSERT(frame.order() == order);

    // Merge with the buddy while it is a whole free block of the same order.
    while (order < kMaxOrder) {
        uint64_t buddy = pfn ^ (1ull << order);
        if (buddy < m_base_pfn || buddy >= m_end_pfn)
            break;
        const Frame& buddy_frame = m_frames[index_of(buddy)];
        if (buddy_frame.state() != FrameState::free || buddy_frame.order() != order)
            break;
        unlink_free(buddy, order);
        uint64_t upper = pfn > buddy ? pfn : buddy;
        m_frames[index_of(upper)].m_state = static_cast<uint64_t>(FrameState::tail);
        pfn = pfn < buddy ? pfn : buddy;
        ++order;
    }
    push_free(pfn, order);
}

template <typename Visit> void FrameAllocator::for_each_piece(uint64_t from, uint64_t to, Visit visit)
{
    for (uint64_t at = from; at < to;) {
        unsigned order = 0;
        while (order < kMaxOrder && at % (2ull << order) == 0 && at + (2ull << order) <= to)
            ++order;
        visit(at, order);
        at += 1ull << order;
    }
}

Result<PhysAddr> FrameAllocator::allocate_run(size_t pages, Zone zone)
{
    if (pages == 0 || pages > (1ull << kMaxOrder))
        return Error::invalid_argument;
    unsigned order = 0;
    while ((1ull << order) < pages)
        ++order;
    PhysAddr base = TRY(allocate(order, zone));
    uint64_t block = 1ull << order;
    if (pages == block)
        return base;
    {
        // The block becomes allocated pieces: the run's, then the rest's.
        freestanding::SpinlockGuard guard(m_lock);
        auto mark = [&](uint64_t offset, unsigned piece) {
            Frame& head = m_frames[index_of((base >> kPageShift) + offset)];
            head.m_state = static_cast<uint64_t>(FrameState::allocated);
            head.m_order = piece;
            head.m_next_or_refs = 1;
            head.m_prev_or_owner = 0;
        };
        for_each_piece(0, pages, mark);
        for_each_piece(pages, block, mark);
    }
    for_each_piece(pages, block, [&](uint64_t offset, unsigned piece) { free(base + (offset << kPageShift), piece); });
    return base;
}

void FrameAllocator::free_run(PhysAddr run, size_t pages)
{
    ASSERT(pages > 0 && pages <= (1ull << kMaxOrder));
    for_each_piece(0, pages, [&](uint64_t offset, unsigned piece) { free(run + (offset << kPageShift), piece); });
}

Frame& FrameAllocator::frame(PhysAddr address)
{
    uint64_t pfn = address >> kPageShift;
    ASSERT(m_frames != nullptr && pfn >= m_base_pfn && pfn < m_end_pfn);
    return m_frames[index_of(pfn)];
}

size_t FrameAllocator::free_frames() const
{
    freestanding::SpinlockGuard guard(m_lock);
    return m_free_frames[0] + m_free_frames[1];
}

size_t FrameAllocator::free_frames(Zone zone) const
{
    if (zone == Zone::any)
        return free_frames();
    freestanding::SpinlockGuard guard(m_lock);
    return m_free_frames[zone == Zone::low ? 0 : 1];
}

} // namespace vm
