// MemoryObject: pages that belong to no one address space. Two uses:
//  - shared memory (memory_object_create + vm_map): every space that maps
//    the object sees the same frames, filled with zeros on first touch;
//  - snapshots (out-of-line message data, later fork): a copy-on-write
//    capture of a range of a space, waiting to be mapped privately into
//    another (AddressSpace::snapshot / map_snapshot).
//
// Frames of anonymous memory are reference counted in their vm::Frame: a
// snapshot holds one reference on each frame it shares with the space it
// came from, and a write to a frame with more than one holder copies it.
// Frames a shared object allocated itself have one reference, its own.
//
// Ownership: reference counted (reference/release); the last release gives
// up the frames. Concurrency: FIXME(SMP): single CPU, interrupts off.
#pragma once

#include <freestanding/result.h>
#include <stddef.h>
#include <stdint.h>
#include <vm/layout.h>
#include <vm/page_index.h>

namespace vm {

class MemoryAccount;

class MemoryObject {
public:
    // The largest object. Its kernel memory does not grow with the size
    // (see PageIndex), but a snapshot's creation walks its range.
    static constexpr size_t kMaxSize = 256ull << 20;

    // An object of `size` bytes (rounded up to pages), all pages absent,
    // charged to `account` (its creator; null for the kernel's own): the
    // object counts against its object limit and its page index against
    // its byte limit, until the object is freed. no_space past a limit.
    static Result<MemoryObject*> create(size_t size, MemoryAccount* account);

    void reference() { m_references++; }
    // Drops a reference; the last one drops every frame and frees the object.
    void release();

    size_t size() const { return m_pages * kPageSize; }

    // The frame of page `index`, or 0 if the page was never touched.
    PhysAddr frame_at(size_t index) const { return m_frames.at(index); }
    // The frame of page `index`, allocated (zeroed) if it is absent.
    Result<PhysAddr> populate(size_t index);
    // Puts `frame` at page `index`, which must be absent; the object takes
    // over the caller's reference only on success.
    Result<void> adopt(size_t index, PhysAddr frame);
    // Calls visit(index, frame) for each present page of [first, end).
    template <typename Visit> void for_each_page(size_t first, size_t end, Visit visit) const
    {
        m_frames.for_each(first, end, visit);
    }

    // A snapshot's pages never change once taken (AddressSpace::snapshot
    // marks it), so a copy may share them; a shared object's may.
    bool is_snapshot() const { return m_snapshot; }
    void mark_snapshot() { m_snapshot = true; }

    // The kernel heap its page index takes now (for tests and statistics).
    uint64_t index_bytes() const { return m_frames.node_bytes(); }

    // Live objects (for leak checks).
    static size_t live_count();

    MemoryObject(size_t pages, MemoryAccount* account)
        : m_frames(pages, account)
        , m_pages(pages)
        , m_account(account)
    {
    }

private:
    PageIndex m_frames;
    size_t m_pages;
    MemoryAccount* m_account; // referenced (null: the kernel's)
    uint32_t m_references = 1;
    bool m_snapshot = false;
};

// Frame references shared by address spaces and memory objects.
// One more holder of `frame`.
void reference_frame(PhysAddr frame);
// One holder less; the last one frees it.
void release_frame(PhysAddr frame);
// How many hold `frame`.
uint32_t frame_holders(PhysAddr frame);
// A new frame holding a copy of `frame` (one reference).
Result<PhysAddr> copy_frame(PhysAddr frame);
// A new zeroed frame (one reference).
Result<PhysAddr> zeroed_frame();

} // namespace vm
