#include "boot_server.h"

#include <exec/boot_module.h>
#include <exec/child.h>
#include <exec/spawn.h>
#include <rpc/rights.h>
#include <runtime/mach.h>

namespace startup {

Result<mach::PortName> start_boot_server(
    const char* module, const char* const* argv, size_t argc, const exec::InitPorts& init, mach::PortName* task_out)
{
    mach::SelfPorts self {};
    TRY_STATUS(mach::self_ports(&self));
    exec::BootModule* image = TRY(exec::BootModule::map(module));
    mach::PortName service = mach::kNullName;
    Error status = mach::port_allocate(self.task, mach::RightType::receive, &service);
    mach::PortName ours = mach::kNullName;
    if (status == Error::none)
        status = mach::port_extract_right(self.task, service, mach::Disposition::make_send, &ours);
    if (status == Error::none) {
        Result<mach::PortName> queued = exec::make_bootstrap(init, service);
        status = queued.ok() ? Error::none : queued.error();
    }
    if (status == Error::none) {
        exec::Program program { image->bytes(), image->size(), argv, argc, nullptr, 0 };
        Result<mach::PortName> task = exec::spawn(program, service, mach::Disposition::move_receive);
        status = task.ok() ? Error::none : task.error();
        if (task.ok() && task_out)
            *task_out = task.value();
        else if (task.ok())
            (void)mach::port_deallocate(self.task, task.value()); // the server's life is its own
    }
    exec::BootModule::unmap(image);
    if (status != Error::none) {
        if (ours != mach::kNullName)
            (void)mach::port_deallocate(self.task, ours);
        if (service != mach::kNullName)
            (void)mach::port_destroy(self.task, service);
        return status;
    }
    return ours;
}

} // namespace startup
