#include <debug/panic.h>
#include <ipc/memory.h>
#include <ipc/observer.h>
#include <kern/ipc_observer.h>
#include <kern/ipc_setup.h>
#include <kern/out_of_line.h>
#include <kobject/kernel_ports.h>
#include <vm/heap.h>

namespace kern {
namespace {

// Messages and name tables come from the kernel heap.
class HeapBlocks final : public ipc::BlockAllocator {
public:
    Result<void*> allocate(size_t size) override { return heap_allocate(size); }
    void free(void* block) override
    {
        if (block)
            heap_free(block);
    }
    size_t footprint(size_t size) const override { return Heap::footprint(size); }
};

HeapBlocks g_blocks;
ipc::Port* g_host_port = nullptr;
ipc::Port* g_device_port = nullptr;
int g_host_object;
int g_device_object;

} // namespace

void ipc_init()
{
    ipc::init(kernel_page_provider(), g_blocks);
    ipc::set_observer(&kernel_observer());
    ipc::set_out_of_line_memory(&kernel_out_of_line_memory());
    Result<ipc::Port*> host = create_kernel_port(ipc::KernelObject::host, &g_host_object);
    Result<ipc::Port*> device = create_kernel_port(ipc::KernelObject::device, &g_device_object);
    if (!host.ok() || !device.ok())
        panic("no memory for the host and device ports");
    g_host_port = host.value();
    g_device_port = device.value();
}

ipc::Port& host_port() { return *g_host_port; }
ipc::Port& device_port() { return *g_device_port; }

} // namespace kern
