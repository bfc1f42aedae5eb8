#include <freestanding/slab.h>
#include <freestanding/string.h>
#include <kern/never_destroyed.h>
#include <vm/frame_allocator.h>
#include <vm/heap.h>
#include <vm/memory_account.h>
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
    memset(frame_allocator().window().to_virt(frame), 0, kPageSize);
    frame_allocator().frame(frame).set_ref_count(1);
    return frame;
}

Result<PhysAddr> copy_frame(PhysAddr frame)
{
    PhysAddr copy = TRY(frame_allocator().allocate(0, Zone::any));
    memcpy(frame_allocator().window().to_virt(copy), frame_allocator().window().to_virt(frame), kPageSize);
    frame_allocator().frame(copy).set_ref_count(1);
    return copy;
}

Result<MemoryObject*> MemoryObject::create(size_t size, MemoryAccount* account)
{
    if (size == 0 || size > kMaxSize)
        return Error::invalid_argument;
    if (account)
        TRY(account->add_object());
    Result<MemoryObject*> object = object_cache().create(align_up(size, kPageSize) / kPageSize, account);
    if (!object.ok()) {
        if (account)
            account->remove_object();
        return object.error();
    }
    g_live_objects++;
    return object.value();
}

void MemoryObject::release()
{
    if (--m_references != 0)
        return;
    m_frames.clear([](PhysAddr frame) { release_frame(frame); });
    MemoryAccount* account = m_account;
    object_cache().destroy(this);
    if (account)
        account->remove_object();
    g_live_objects--;
}

Result<PhysAddr> MemoryObject::populate(size_t index)
{
    if (PhysAddr present = m_frames.at(index))
        return present;
    PhysAddr frame = TRY(zeroed_frame());
    Result<void> set = m_frames.set(index, frame);
    if (!set.ok()) {
        release_frame(frame);
        return set.error();
    }
    return frame;
}

Result<void> MemoryObject::adopt(size_t index, PhysAddr frame) { return m_frames.set(index, frame); }

size_t MemoryObject::live_count() { return g_live_objects; }

} // namespace vm
