// Virtual memory of a task: vm_allocate, vm_deallocate, vm_protect.
#include <arch/x86_64/cpu.h>
#include <kern/scheduler.h>
#include <kern/syscalls/syscalls.h>
#include <kern/task.h>
#include <mach/syscall.h>
#include <vm/address_space.h>

namespace kern {
namespace {

constexpr uint32_t kAllProtections = mach::kVmRead | mach::kVmWrite | mach::kVmExecute;

Result<Task*> target_task(mach::PortName name)
{
    Task* caller = Scheduler::current().task();
    if (!caller)
        return Error::not_supported;
    Task* task = task_from_name(*caller, name);
    if (!task)
        return Error::invalid_name;
    return task;
}

Result<vm::Protection> protection_from_user(uint64_t bits)
{
    if (bits & ~uint64_t(kAllProtections))
        return Error::invalid_argument;
    // The ABI's bits are the kernel's (read 1, write 2, execute 4).
    return static_cast<vm::Protection>(bits);
}

Error as_error(Result<void> result) { return result.ok() ? Error::none : result.error(); }

} // namespace

static_assert(mach::kVmRead == uint32_t(vm::Protection::read) && mach::kVmWrite == uint32_t(vm::Protection::write)
    && mach::kVmExecute == uint32_t(vm::Protection::execute));

Error sys_vm_allocate(const SyscallArgs& args)
{
    arch::InterruptsOff off; // keeps the target task alive (see task_from_name)
    Result<Task*> task = target_task(static_cast<mach::PortName>(args.a0));
    if (!task.ok())
        return task.error();
    if (args.a3 & ~uint64_t(mach::kVmAnywhere))
        return Error::invalid_argument;
    uint64_t address = 0;
    Result<void> read = vm::copy_from_user(&address, args.a1, sizeof(address));
    if (!read.ok())
        return read.error();
    Result<VirtAddr> placed = task.value()->address_space().allocate(
        address, args.a2, vm::Protection::read_write, args.a3 & mach::kVmAnywhere);
    if (!placed.ok())
        return placed.error();
    address = placed.value();
    Result<void> written = vm::copy_to_user(args.a1, &address, sizeof(address));
    if (!written.ok()) {
        // Nobody would learn where the memory is: take it back.
        (void)task.value()->address_space().deallocate(address, args.a2);
        return written.error();
    }
    return Error::none;
}

Error sys_vm_deallocate(const SyscallArgs& args)
{
    arch::InterruptsOff off;
    Result<Task*> task = target_task(static_cast<mach::PortName>(args.a0));
    if (!task.ok())
        return task.error();
    return as_error(task.value()->address_space().deallocate(args.a1, args.a2));
}

Error sys_vm_protect(const SyscallArgs& args)
{
    arch::InterruptsOff off;
    Result<Task*> task = target_task(static_cast<mach::PortName>(args.a0));
    if (!task.ok())
        return task.error();
    Result<vm::Protection> protection = protection_from_user(args.a3);
    if (!protection.ok())
        return protection.error();
    return as_error(task.value()->address_space().protect(args.a1, args.a2, protection.value()));
}

} // namespace kern
