#include <kern/heap.h>
#include <kern/out_of_line.h>
#include <kern/scheduler.h>
#include <kern/task.h>
#include <vm/address_space.h>

namespace kern {
namespace {

// FIXME: copies the bytes into the kernel and out again; to become a
// copy-on-write remapping of whole pages once vm has copy_to.
class KernelOutOfLine final : public ipc::OutOfLineMemory {
public:
    Result<uint64_t> capture(uint64_t address, uint32_t size) override
    {
        void* snapshot = TRY(heap_allocate(size));
        Result<void> copied = vm::copy_from_user(snapshot, address, size);
        if (!copied.ok()) {
            heap_free(snapshot);
            return copied.error();
        }
        return reinterpret_cast<uint64_t>(snapshot);
    }

    void remove_from_sender(uint64_t address, uint32_t size) override
    {
        Task* task = Scheduler::current().task();
        uint64_t start = address & ~uint64_t(vm::kPageSize - 1);
        uint64_t end = (address + size + vm::kPageSize - 1) & ~uint64_t(vm::kPageSize - 1);
        if (task)
            (void)task->address_space().deallocate(start, end - start);
    }

    Result<uint64_t> deliver(uint64_t handle, uint32_t size) override
    {
        Task* task = Scheduler::current().task();
        if (!task)
            return Error::not_supported;
        VirtAddr address = TRY(task->address_space().allocate(0, size, vm::Protection::read_write, true));
        Result<void> copied = vm::copy_to_user(address, reinterpret_cast<void*>(handle), size);
        if (!copied.ok()) {
            (void)task->address_space().deallocate(address, size);
            return copied.error();
        }
        heap_free(reinterpret_cast<void*>(handle));
        return address;
    }

    void discard(uint64_t handle, uint32_t) override { heap_free(reinterpret_cast<void*>(handle)); }
};

KernelOutOfLine g_out_of_line;

} // namespace

ipc::OutOfLineMemory& kernel_out_of_line_memory() { return g_out_of_line; }

} // namespace kern
