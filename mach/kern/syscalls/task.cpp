// The calling task: task_exit, self_ports.
#include <arch/x86_64/cpu.h>
#include <ipc/name_space.h>
#include <kern/scheduler.h>
#include <kern/syscalls/syscalls.h>
#include <kern/task.h>
#include <kern/thread.h>
#include <kobject/kernel_ports.h>
#include <mach/syscall.h>
#include <vm/address_space.h>

namespace kern {

Error sys_task_exit(const SyscallArgs& args)
{
    Task* task = Scheduler::current().task();
    if (task)
        task->kill(static_cast<int32_t>(args.a0));
    Scheduler::exit_current();
}

Error sys_self_ports(const SyscallArgs& args)
{
    Thread& thread = Scheduler::current();
    Task* task = thread.task();
    if (!task)
        return Error::not_supported;
    mach::SelfPorts zero {};
    Result<void> writable = vm::copy_to_user(args.a0, &zero, sizeof(zero));
    if (!writable.ok())
        return writable.error();
    mach::SelfPorts ports {};
    {
        arch::InterruptsOff off;
        ipc::NameSpace& space = task->name_space();
        Result<mach::PortName> self = give_send_right(task->port(), space);
        Result<mach::PortName> self_thread = give_send_right(*thread.port(), space);
        Result<mach::PortName> host = give_send_right(host_port(), space);
        if (!self.ok() || !self_thread.ok() || !host.ok())
            return Error::no_space;
        ports = { self.value(), self_thread.value(), task->bootstrap_name, host.value(), task->device_name, 0 };
    }
    Result<void> copied = vm::copy_to_user(args.a0, &ports, sizeof(ports));
    return copied.ok() ? Error::none : copied.error();
}

} // namespace kern
