#include <kern/out_of_line.h>
#include <kern/scheduler.h>
#include <kern/task.h>
#include <vm/address_space.h>
#include <vm/heap.h>
#include <vm/memory_object.h>

namespace kern {
namespace {

// Out-of-line data in flight: a copy-on-write snapshot of the sender's
// pages, and where in its first page the data starts.
struct Capture {
    vm::MemoryObject* snapshot;
    uint64_t offset;
};

vm::AddressSpace* current_space()
{
    Task* task = Scheduler::current().task();
    return task ? &task->address_space() : nullptr;
}

// The whole pages holding [address, address + size).
struct PageSpan {
    uint64_t start;
    uint64_t size;
};

PageSpan pages_of(uint64_t address, uint32_t size)
{
    uint64_t start = vm::align_down(address, vm::kPageSize);
    return { start, vm::align_up(address + size, vm::kPageSize) - start };
}

// The pages move by reference: the sender's frames are shared with the
// snapshot (read-only on both sides until one writes), then mapped into the
// receiver; no byte is copied unless someone writes.
class KernelOutOfLine final : public ipc::OutOfLineMemory {
public:
    Result<uint64_t> capture(uint64_t address, uint32_t size) override
    {
        vm::AddressSpace* space = current_space();
        if (!space || address > vm::kUserTop || size > vm::kUserTop - address)
            return Error::bad_address;
        PageSpan span = pages_of(address, size);
        Capture* capture = static_cast<Capture*>(TRY(heap_allocate(sizeof(Capture))));
        Result<vm::MemoryObject*> snapshot = space->snapshot(span.start, span.size);
        if (!snapshot.ok()) {
            heap_free(capture);
            return snapshot.error() == Error::invalid_argument ? Error::bad_address : snapshot.error();
        }
        *capture = { snapshot.value(), address - span.start };
        return reinterpret_cast<uint64_t>(capture);
    }

    void remove_from_sender(uint64_t address, uint32_t size) override
    {
        PageSpan span = pages_of(address, size);
        if (vm::AddressSpace* space = current_space())
            (void)space->deallocate(span.start, span.size);
    }

    Result<uint64_t> deliver(uint64_t handle, uint32_t) override
    {
        Capture* capture = reinterpret_cast<Capture*>(handle);
        vm::AddressSpace* space = current_space();
        if (!space)
            return Error::not_supported;
        VirtAddr start = TRY(space->map_snapshot(*capture->snapshot, vm::kUserBottom, vm::Protection::read_write));
        uint64_t address = start + capture->offset;
        discard(handle, 0);
        return address;
    }

    void discard(uint64_t handle, uint32_t) override
    {
        Capture* capture = reinterpret_cast<Capture*>(handle);
        capture->snapshot->release();
        heap_free(capture);
    }
};

KernelOutOfLine g_out_of_line;

} // namespace

ipc::OutOfLineMemory& kernel_out_of_line_memory() { return g_out_of_line; }

} // namespace kern
