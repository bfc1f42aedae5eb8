#include <freestanding/slab.h>
#include <freestanding/string.h>
#include <kern/never_destroyed.h>
#include <vm/frame_allocator.h>
#include <vm/heap.h>
#include <vm/memory_object.h>
#include <vm/phys_window.h>

namespace vm {
namespace {

size_t g_live_objects = 0;

freestanding::ObjectCache<MemoryObject>& object_cache()
{
    static kern::NeverDestroyed<freestanding::ObjectCache<MemoryObject>> cache(
        "memory-object", kern::kernel_page_provider());
    return cache.get();
}

} // namespace

void reference_frame(PhysAddr frame)
{
    Frame& entry = frame_allocator().frame(frame);
    entry.set_ref_count(entry.ref_count() + 1);
}

void release_frame(PhysAddr frame)
{
    Frame& entry = frame_allocator().frame(frame);
    uint32_t holders = entry.ref_count();
    if (holders > 1) {
        entry.set_ref_count(holders - 1);
        return;
    }
    frame_allocator().free(frame);
}

uint32_t frame_holders(PhysAddr frame) { return frame_allocator().frame(frame).ref_count(); }

Result<PhysAddr> zeroed_frame()
{
    PhysAddr frame = TRY(frame_allocator().allocate(0, Zone::any));
    memset(PhysWindow::direct_map().to_virt(frame), 0, kPageSize);
    frame_allocator().frame(frame).set_ref_count(1);
    return frame;
}

Result<PhysAddr> copy_frame(PhysAddr frame)
{
    PhysAddr copy = TRY(frame_allocator().allocate(0, Zone::any));
    memcpy(PhysWindow::direct_map().to_virt(copy), PhysWindow::direct_map().to_virt(frame), kPageSize);
    frame_allocator().frame(copy).set_ref_count(1);
    return copy;
}

Result<MemoryObject*> MemoryObject::create(size_t size)
{
    if (size == 0 || size > kMaxSize)
        return Error::invalid_argument;
    size_t pages = align_up(size, kPageSize) / kPageSize;
    void* table = TRY(kern::heap_allocate(pages * sizeof(PhysAddr)));
    memset(table, 0, pages * sizeof(PhysAddr));
    Result<MemoryObject*> object = object_cache().create(static_cast<PhysAddr*>(table), pages);
    if (!object.ok()) {
        kern::heap_free(table);
        return object.error();
    }
    g_live_objects++;
    return object.value();
}

void MemoryObject::release()
{
    if (--m_references != 0)
        return;
    for (size_t i = 0; i < m_pages; i++) {
        if (m_frames[i])
            release_frame(m_frames[i]);
    }
    kern::heap_free(m_frames);
    object_cache().destroy(this);
    g_live_objects--;
}

Result<PhysAddr> MemoryObject::populate(size_t index)
{
    if (!m_frames[index])
        m_frames[index] = TRY(zeroed_frame());
    return m_frames[index];
}

void MemoryObject::adopt(size_t index, PhysAddr frame) { m_frames[index] = frame; }

size_t MemoryObject::live_count() { return g_live_objects; }

} // namespace vm
