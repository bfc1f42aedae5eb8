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

namespace vm {

class MemoryObject {
public:
    // The largest object (bounds the frame table: 8 bytes a page).
    static constexpr size_t kMaxSize = 256ull << 20;

    // An object of `size` bytes (rounded up to pages), all pages absent.
    static Result<MemoryObject*> create(size_t size);

    void reference() { m_references++; }
    // Drops a reference; the last one drops every frame and frees the object.
    void release();

    size_t size() const { return m_pages * kPageSize; }

    // The frame of page `index`, or 0 if the page was never touched.
    PhysAddr frame_at(size_t index) const { return m_frames[index]; }
    // The frame of page `index`, allocated (zeroed) if it is absent.
    Result<PhysAddr> populate(size_t index);
    // Puts `frame` (whose reference the caller hands over) at page `index`, which must be absent.
    void adopt(size_t index, PhysAddr frame);

    // Live objects (for leak checks).
    static size_t live_count();

    MemoryObject(PhysAddr* frames, size_t pages)
        : m_frames(frames)
        , m_pages(pages)
    {
    }

private:
    PhysAddr* m_frames; // heap, m_pages entries
    size_t m_pages;
    uint32_t m_references = 1;
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
