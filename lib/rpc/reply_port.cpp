#include <rpc/reply_port.h>
#include <runtime/mach.h>
#include <runtime/thread.h>

namespace rpc {

mach::PortName& reply_port_slot() { return runtime::this_thread().reply_port; }

Result<mach::PortName> reply_port()
{
    mach::PortName& slot = reply_port_slot();
    if (slot != mach::kNullName)
        return slot;
    mach::SelfPorts self {};
    if (Error e = mach::self_ports(&self); e != Error::none)
        return e;
    mach::PortName port = mach::kNullName;
    if (Error e = mach::port_allocate(self.task, mach::RightType::receive, &port); e != Error::none)
        return e;
    slot = port;
    return port;
}

void discard_reply_port()
{
    mach::PortName& slot = reply_port_slot();
    if (slot == mach::kNullName)
        return;
    mach::SelfPorts self {};
    if (mach::self_ports(&self) == Error::none)
        (void)mach::port_destroy(self.task, slot);
    slot = mach::kNullName;
}

} // namespace rpc
