// Port name -> task, for the calls that take a task port.
#include <ipc/name_space.h>
#include <ipc/port.h>
#include <kern/syscalls/syscalls.h>
#include <kern/task.h>

namespace kern {

Task* task_from_name(Task& caller, mach::PortName name)
{
    Result<ipc::CarriedRight> right = caller.name_space().check_right(name, mach::Disposition::copy_send, 0);
    if (!right.ok() || right.value().kind != ipc::CarriedRight::Kind::send)
        return nullptr;
    ipc::Port& port = *right.value().port;
    if (port.dead() || port.kernel_object_type() != ipc::KernelObject::task)
        return nullptr;
    return static_cast<Task*>(port.kernel_object());
}

} // namespace kern
