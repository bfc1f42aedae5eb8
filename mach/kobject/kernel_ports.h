// Ports the kernel receives on: one per task, per thread, the host and the
// device port. A message to one of them is an operation on the object
// (mach/kernel_objects.h), served at once in the sender's system call.
#pragma once

#include <freestanding/result.h>
#include <ipc/port.h>
#include <mach/port.h>

namespace ipc {
class NameSpace;
}

namespace kern {

// A new port standing for `object`; the kernel holds its receive right.
Result<ipc::Port*> create_kernel_port(ipc::KernelObject type, void* object);

// Ends a kernel port: senders see a dead name, dead-name requests fire.
// Clears `port`.
void destroy_kernel_port(ipc::Port*& port);

// Asks for a no-senders notification on `port` to itself: the kernel
// object's server hears when nobody holds the port any more.
void notify_when_unreferenced(ipc::Port& port);

// A send right to `port` put into `space` (coalescing: one more user
// reference if the space already names it).
Result<mach::PortName> give_send_right(ipc::Port& port, ipc::NameSpace& space);

// The host and device ports (made at boot by ipc_init).
ipc::Port& host_port();
ipc::Port& device_port();

} // namespace kern
