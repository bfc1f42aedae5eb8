// The calling task: task_exit, self_ports.
#include <kern/scheduler.h>
#include <kern/syscalls/syscalls.h>
#include <kern/task.h>
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
    Task* task = Scheduler::current().task();
    if (!task)
        return Error::not_supported;
    // FIXME(integrator): real send rights from mach/ipc once tasks have name spaces.
    mach::SelfPorts ports { task_self_name(*task), mach::kNullName, mach::kNullName, 0 };
    Result<void> copied = vm::copy_to_user(args.a0, &ports, sizeof(ports));
    return copied.ok() ? Error::none : copied.error();
}

} // namespace kern
