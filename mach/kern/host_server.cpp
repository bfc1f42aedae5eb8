// Operations on the host port: kernel statistics.
#include <ipc/memory.h>
#include <kern/clock.h>
#include <kern/kernel_object_server.h>
#include <kern/task.h>
#include <kern/thread.h>
#include <vm/frame_allocator.h>

namespace kern {

Error serve_host(KernelRequest& request)
{
    if (static_cast<mach::KernelCall>(request.id()) != mach::KernelCall::host_statistics)
        return Error::not_supported;
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
    request.set_result(stats);
    return Error::none;
}

} // namespace kern
