// The device port: what user-space drivers need from the kernel — I/O
// ports, device memory, DMA buffers — granted to the calling task (a
// kernel port's requests are served in the sender's own system call).
#include <debug/log.h>
#include <kern/power.h>
#include <kern/scheduler.h>
#include <kern/task.h>
#include <kobject/kernel_object_server.h>
#include <vm/address_space.h>

namespace kern {
namespace {

Error as_error(Result<void> result) { return result.ok() ? Error::none : result.error(); }

Error io_ports(Task& caller, KernelRequest& request)
{
    Result<mach::DeviceIoPortsRequest> body = request.body<mach::DeviceIoPortsRequest>();
    if (!body.ok())
        return body.error();
    Error granted = as_error(caller.allow_io_ports(body.value().first, body.value().count));
    if (granted == Error::none)
        log("device", "%s may use I/O ports %#x-%#x", caller.name(), body.value().first,
            body.value().first + body.value().count - 1);
    return granted;
}

Error map_physical(Task& caller, KernelRequest& request)
{
    Result<mach::DeviceMapRequest> body = request.body<mach::DeviceMapRequest>();
    if (!body.ok())
        return body.error();
    const mach::DeviceMapRequest& map = body.value();
    Result<VirtAddr> address = caller.address_space().map_physical(
        0, map.physical, map.size, vm::Protection::read_write, map.cached != 0, true);
    if (!address.ok())
        return address.error();
    request.set_result(mach::DeviceMapReply { address.value() });
    return Error::none;
}

Error allocate_dma(Task& caller, KernelRequest& request)
{
    Result<mach::DeviceDmaRequest> body = request.body<mach::DeviceDmaRequest>();
    if (!body.ok())
        return body.error();
    PhysAddr physical = 0;
    Result<VirtAddr> address = caller.address_space().allocate_contiguous(body.value().size, &physical);
    if (!address.ok())
        return address.error();
    request.set_result(mach::DeviceDmaReply { address.value(), physical });
    return Error::none;
}

// Powers off or restarts: returns only if the hardware did not.
Error power(KernelRequest& request)
{
    mach::PowerRequest asked = TRY(request.body<mach::PowerRequest>());
    if (asked.action == mach::kPowerOff)
        power_off();
    else if (asked.action == mach::kReboot)
        restart();
    else
        return Error::invalid_argument;
    return Error::not_supported; // the hardware did not do it
}

} // namespace

Error serve_device(KernelRequest& request)
{
    Task* caller = Scheduler::current().task();
    if (!caller)
        return Error::not_supported;
    switch (static_cast<mach::KernelCall>(request.id())) {
    case mach::KernelCall::device_io_ports: return io_ports(*caller, request);
    case mach::KernelCall::device_map_physical: return map_physical(*caller, request);
    case mach::KernelCall::device_allocate_dma: return allocate_dma(*caller, request);
    case mach::KernelCall::device_interrupt: return claim_interrupt(request);
    case mach::KernelCall::device_power: return power(request);
    default: return Error::not_supported;
    }
}

} // namespace kern
