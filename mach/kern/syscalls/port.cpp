// The port calls: operations on the name space of a task named by a send
// right to its task port (the caller's own, or one it was given). The
// decoding is ipc/port_calls.cpp, shared with the host kernel of the tests.
#include <arch/x86_64/cpu.h>
#include <ipc/port_calls.h>
#include <kern/scheduler.h>
#include <kern/syscalls/syscalls.h>
#include <kern/task.h>
#include <vm/address_space.h>

namespace kern {
namespace {

// The calling task's user memory.
class UserMemory final : public ipc::CallerMemory {
public:
    Result<void> write(uint64_t address, const void* bytes, size_t size) override
    {
        return vm::copy_to_user(address, bytes, size);
    }
};

} // namespace

Error sys_port_call(mach::Syscall call, const SyscallArgs& args)
{
    Task* caller = Scheduler::current().task();
    if (!caller)
        return Error::not_supported;
    if (args.a0 > UINT32_MAX)
        return Error::invalid_name;
    arch::InterruptsOff off; // the IPC core's lock; keeps the target task alive
    Task* target = task_from_name(*caller, static_cast<mach::PortName>(args.a0));
    if (!target)
        return Error::invalid_name;
    UserMemory memory;
    return ipc::port_call(call, { args.a0, args.a1, args.a2, args.a3, args.a4, args.a5 }, caller->name_space(),
        target->name_space(), memory);
}

} // namespace kern
