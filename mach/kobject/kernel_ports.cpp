#include <arch/x86_64/cpu.h>
#include <ipc/name_space.h>
#include <kobject/kernel_ports.h>

namespace kern {

Result<ipc::Port*> create_kernel_port(ipc::KernelObject type, void* object)
{
    arch::InterruptsOff off;
    ipc::Port* port = TRY(ipc::Port::create());
    port->set_kernel_object(type, object);
    return port;
}

void destroy_kernel_port(ipc::Port*& port)
{
    if (!port)
        return;
    arch::InterruptsOff off;
    port->set_kernel_object(ipc::KernelObject::none, nullptr);
    ipc::CarriedRight::receive(*port).release();
    port = nullptr;
}

void notify_when_unreferenced(ipc::Port& port)
{
    arch::InterruptsOff off;
    port.make_send_once_right();
    port.set_no_senders_request(ipc::CarriedRight::send_once(port)).release();
}

Result<mach::PortName> give_send_right(ipc::Port& port, ipc::NameSpace& space)
{
    arch::InterruptsOff off;
    TRY(space.reserve(1));
    port.make_send_right();
    return space.put_right(ipc::CarriedRight::send(port));
}

} // namespace kern
