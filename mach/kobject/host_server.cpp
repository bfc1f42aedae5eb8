// Operations on the host port: kernel statistics, and copies of the boot modules.
#include <arch/x86_64/cpu.h>
#include <boot/boot_info.h>
#include <boot/program_loader.h>
#include <freestanding/string.h>
#include <ipc/memory.h>
#include <ipc/port.h>
#include <kern/clock.h>
#include <kern/task.h>
#include <kern/thread.h>
#include <kobject/kernel_object_server.h>
#include <kobject/kernel_ports.h>
#include <vm/frame_allocator.h>
#include <vm/layout.h>
#include <vm/memory_object.h>

namespace kern {
namespace {

// A new memory object holding a copy of `size` bytes at `data`.
Result<vm::MemoryObject*> object_holding(const uint8_t* data, size_t size)
{
    vm::MemoryObject* object = TRY(vm::MemoryObject::create(size ? size : 1, nullptr));
    for (size_t page = 0; page * vm::kPageSize < size; page++) {
        Result<PhysAddr> frame = object->populate(page);
        if (!frame.ok()) {
            object->release();
            return frame.error();
        }
        size_t offset = page * vm::kPageSize;
        size_t bytes = size - offset < vm::kPageSize ? size - offset : vm::kPageSize;
        memcpy(reinterpret_cast<void*>(vm::kDirectMapBase + frame.value()), data + offset, bytes);
    }
    return object;
}

Error serve_boot_module(KernelRequest& request)
{
    mach::BootModuleRequest asked = TRY(request.body<mach::BootModuleRequest>());
    size_t length = 0;
    while (length < sizeof(asked.name) && asked.name[length])
        length++;
    const BootModule* module = length ? find_boot_module(asked.name, length) : nullptr;
    if (!module)
        return Error::not_found;
    size_t size = module->end - module->start;
    if (size > vm::MemoryObject::kMaxSize)
        return Error::too_large;
    vm::MemoryObject* object
        = TRY(object_holding(reinterpret_cast<const uint8_t*>(vm::kDirectMapBase + module->start), size));
    Result<ipc::Port*> port = create_kernel_port(ipc::KernelObject::memory_object, object);
    if (!port.ok()) {
        object->release();
        return port.error();
    }
    notify_when_unreferenced(*port.value());
    port.value()->make_send_right();
    request.set_result_right(ipc::CarriedRight::send(*port.value()));
    request.set_result(mach::BootModuleReply { size });
    return Error::none;
}

Error serve_statistics(KernelRequest& request)
{
    ipc::Statistics ipc = ipc::statistics();
    mach::HostStatistics stats {};
    stats.tasks = Task::live_count();
    stats.threads = Thread::live_count();
    stats.ports = ipc.ports;
    stats.port_sets = ipc.port_sets;
    stats.payload_records = ipc.payload_records;
    stats.messages = ipc.messages;
    stats.names = ipc.names;
    stats.dead_name_requests = ipc.dead_name_requests;
    stats.free_frames = vm::frame_allocator().free_frames();
    stats.total_frames = vm::frame_allocator().total_frames();
    stats.notifications_lost = ipc.notifications_lost;
    stats.uptime_ns = monotonic_ns();
    stats.name_table_bytes = ipc.name_table_bytes;
    stats.payload_record_bytes = ipc.payload_record_bytes;
    request.set_result(stats);
    return Error::none;
}

} // namespace

Error serve_host(KernelRequest& request)
{
    switch (static_cast<mach::KernelCall>(request.id())) {
    case mach::KernelCall::host_statistics: return serve_statistics(request);
    case mach::KernelCall::host_boot_module: return serve_boot_module(request);
    default: return Error::not_supported;
    }
}

} // namespace kern
