// Shared memory: memory_object_create and vm_map.
#include <arch/x86_64/cpu.h>
#include <ipc/name_space.h>
#include <ipc/port.h>
#include <kern/scheduler.h>
#include <kern/syscalls/syscalls.h>
#include <kern/task.h>
#include <kobject/kernel_ports.h>
#include <mach/syscall.h>
#include <vm/address_space.h>
#include <vm/memory_object.h>

namespace kern {
namespace {

Error as_error(Result<void> result) { return result.ok() ? Error::none : result.error(); }

// The memory object a send right named `name` in `space` stands for, or null.
vm::MemoryObject* object_from_name(ipc::NameSpace& space, uint64_t name)
{
    if (name > UINT32_MAX)
        return nullptr;
    Result<ipc::CarriedRight> right = space.check_right(mach::PortName(name), mach::Disposition::copy_send, 0);
    if (!right.ok() || right.value().kind != ipc::CarriedRight::Kind::send)
        return nullptr;
    ipc::Port& port = *right.value().port;
    if (port.dead() || port.kernel_object_type() != ipc::KernelObject::memory_object)
        return nullptr;
    return static_cast<vm::MemoryObject*>(port.kernel_object());
}

} // namespace

Error sys_memory_object_create(const SyscallArgs& args)
{
    Task* task = Scheduler::current().task();
    if (!task)
        return Error::not_supported;
    mach::PortName name = mach::kNullName;
    if (Error e = as_error(vm::copy_to_user(args.a1, &name, sizeof(name))); e != Error::none)
        return e;
    arch::InterruptsOff off;
    Result<vm::MemoryObject*> object = vm::MemoryObject::create(args.a0, &task->address_space().account());
    if (!object.ok())
        return object.error();
    Result<ipc::Port*> port = create_kernel_port(ipc::KernelObject::memory_object, object.value());
    if (!port.ok()) {
        object.value()->release();
        return port.error();
    }
    notify_when_unreferenced(*port.value());
    Result<mach::PortName> given = give_send_right(*port.value(), task->name_space());
    if (!given.ok()) {
        // No sender ever: no notification will come either.
        destroy_kernel_port(port.value());
        object.value()->release();
        return given.error();
    }
    name = given.value();
    return as_error(vm::copy_to_user(args.a1, &name, sizeof(name)));
}

Error sys_vm_map(const SyscallArgs& args)
{
    Task* caller = Scheduler::current().task();
    if (!caller)
        return Error::not_supported;
    uint64_t flags = args.a5 & 0xff;
    uint64_t protection = (args.a5 >> 8) & 0xff;
    if ((args.a5 >> 16) || (flags & ~uint64_t(mach::kVmAnywhere | mach::kVmCopy))
        || (protection & ~uint64_t(mach::kVmRead | mach::kVmWrite | mach::kVmExecute)))
        return Error::invalid_argument;
    arch::InterruptsOff off; // keeps the target task alive (see task_from_name)
    Task* target = args.a0 <= UINT32_MAX ? task_from_name(*caller, mach::PortName(args.a0)) : nullptr;
    if (!target)
        return Error::invalid_name;
    vm::MemoryObject* object = object_from_name(caller->name_space(), args.a3);
    if (!object)
        return Error::invalid_name;
    uint64_t address = 0;
    if (Error e = as_error(vm::copy_from_user(&address, args.a1, sizeof(address))); e != Error::none)
        return e;
    vm::AddressSpace& space = target->address_space();
    auto wanted = static_cast<vm::Protection>(protection);
    Result<VirtAddr> mapped = (flags & mach::kVmCopy)
        ? space.map_copy(address, args.a2, *object, args.a4, wanted, flags & mach::kVmAnywhere)
        : space.map_object(address, args.a2, *object, args.a4, wanted, flags & mach::kVmAnywhere);
    if (!mapped.ok())
        return mapped.error();
    address = mapped.value();
    Result<void> written = vm::copy_to_user(args.a1, &address, sizeof(address));
    if (!written.ok())
        (void)target->address_space().deallocate(address, vm::align_up(args.a2, vm::kPageSize));
    return as_error(written);
}

} // namespace kern
