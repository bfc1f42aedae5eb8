// The port calls: operations on the name space of a task named by a send
// right to its task port (the caller's own, or one it was given).
#include <arch/x86_64/cpu.h>
#include <ipc/name_space.h>
#include <kern/scheduler.h>
#include <kern/syscalls/syscalls.h>
#include <kern/task.h>
#include <mach/message.h>
#include <vm/address_space.h>

namespace kern {
namespace {

using mach::PortName;

Error as_error(Result<void> result) { return result.ok() ? Error::none : result.error(); }

// The caller's task and the task named by `task_name` in it.
struct Spaces {
    ipc::NameSpace& caller;
    ipc::NameSpace& target;
};

Result<Spaces> spaces_for(uint64_t task_name)
{
    Task* caller = Scheduler::current().task();
    if (!caller)
        return Error::not_supported;
    if (task_name > UINT32_MAX)
        return Error::invalid_name;
    Task* target = task_from_name(*caller, static_cast<PortName>(task_name));
    if (!target)
        return Error::invalid_name;
    return Spaces { caller->name_space(), target->name_space() };
}

// Output pointers are checked before the call changes anything, so that
// a bad pointer cannot make a right vanish.
template <typename T> Error check_output(uint64_t user_address)
{
    T zero {};
    return as_error(vm::copy_to_user(user_address, &zero, sizeof(zero)));
}

Error write_name(uint64_t user_address, Result<PortName> name)
{
    if (!name.ok())
        return name.error();
    PortName value = name.value();
    return as_error(vm::copy_to_user(user_address, &value, sizeof(value)));
}

bool is_u32(uint64_t value) { return value <= UINT32_MAX; }

// Runs `call(spaces)` with interrupts off (the IPC core's lock).
template <typename Call> Error on_spaces(uint64_t task_name, Call call)
{
    arch::InterruptsOff off;
    Result<Spaces> spaces = spaces_for(task_name);
    if (!spaces.ok())
        return spaces.error();
    return call(spaces.value());
}

} // namespace

Error sys_port_allocate(const SyscallArgs& args)
{
    if (Error e = check_output<PortName>(args.a2); e != Error::none)
        return e;
    if (!is_u32(args.a1))
        return Error::invalid_argument;
    return on_spaces(args.a0, [&](Spaces& s) {
        Result<PortName> name = s.target.allocate(static_cast<mach::RightType>(args.a1));
        return write_name(args.a2, static_cast<Result<PortName>&&>(name));
    });
}

Error sys_port_deallocate(const SyscallArgs& args)
{
    if (!is_u32(args.a1))
        return Error::invalid_name;
    return on_spaces(args.a0, [&](Spaces& s) { return as_error(s.target.deallocate(static_cast<PortName>(args.a1))); });
}

Error sys_port_destroy(const SyscallArgs& args)
{
    if (!is_u32(args.a1))
        return Error::invalid_name;
    return on_spaces(args.a0, [&](Spaces& s) { return as_error(s.target.destroy_name(static_cast<PortName>(args.a1))); });
}

Error sys_port_mod_refs(const SyscallArgs& args)
{
    if (!is_u32(args.a1) || !is_u32(args.a2))
        return Error::invalid_argument;
    return on_spaces(args.a0, [&](Spaces& s) {
        return as_error(s.target.mod_refs(static_cast<PortName>(args.a1), static_cast<mach::RightType>(args.a2),
            static_cast<int32_t>(args.a3)));
    });
}

Error sys_port_insert_right(const SyscallArgs& args)
{
    if (!is_u32(args.a1) || !is_u32(args.a2) || args.a3 > 0xff)
        return Error::invalid_argument;
    return on_spaces(args.a0, [&](Spaces& s) {
        return as_error(s.target.insert_right(static_cast<PortName>(args.a1), s.caller, static_cast<PortName>(args.a2),
            static_cast<mach::Disposition>(args.a3)));
    });
}

Error sys_port_extract_right(const SyscallArgs& args)
{
    if (Error e = check_output<PortName>(args.a3); e != Error::none)
        return e;
    if (!is_u32(args.a1) || args.a2 > 0xff)
        return Error::invalid_argument;
    return on_spaces(args.a0, [&](Spaces& s) {
        Result<PortName> name
            = s.target.extract_right(static_cast<PortName>(args.a1), static_cast<mach::Disposition>(args.a2), s.caller);
        return write_name(args.a3, static_cast<Result<PortName>&&>(name));
    });
}

Error sys_port_move_member(const SyscallArgs& args)
{
    if (!is_u32(args.a1) || !is_u32(args.a2))
        return Error::invalid_name;
    return on_spaces(args.a0, [&](Spaces& s) {
        return as_error(s.target.move_member(static_cast<PortName>(args.a1), static_cast<PortName>(args.a2)));
    });
}

Error sys_port_request_notification(const SyscallArgs& args)
{
    if (Error e = check_output<PortName>(args.a5); e != Error::none)
        return e;
    if (!is_u32(args.a1) || !is_u32(args.a2) || !is_u32(args.a3) || args.a4 > 0xff)
        return Error::invalid_argument;
    return on_spaces(args.a0, [&](Spaces& s) {
        Result<PortName> previous = s.target.request_notification(static_cast<PortName>(args.a1),
            static_cast<mach::NotificationKind>(args.a2), s.caller, static_cast<PortName>(args.a3),
            static_cast<mach::Disposition>(args.a4));
        return write_name(args.a5, static_cast<Result<PortName>&&>(previous));
    });
}

Error sys_port_make_send_with_payload(const SyscallArgs& args)
{
    if (Error e = check_output<PortName>(args.a3); e != Error::none)
        return e;
    if (!is_u32(args.a1))
        return Error::invalid_name;
    return on_spaces(args.a0, [&](Spaces& s) {
        Result<PortName> name = s.target.make_send_with_payload(static_cast<PortName>(args.a1), args.a2);
        return write_name(args.a3, static_cast<Result<PortName>&&>(name));
    });
}

Error sys_port_set_queue_limit(const SyscallArgs& args)
{
    if (!is_u32(args.a1) || !is_u32(args.a2))
        return Error::invalid_argument;
    return on_spaces(args.a0, [&](Spaces& s) {
        return as_error(s.target.set_queue_limit(static_cast<PortName>(args.a1), static_cast<uint32_t>(args.a2)));
    });
}

Error sys_port_type(const SyscallArgs& args)
{
    if (Error e = check_output<uint32_t>(args.a2); e != Error::none)
        return e;
    if (Error e = check_output<uint32_t>(args.a3); e != Error::none)
        return e;
    if (!is_u32(args.a1))
        return Error::invalid_name;
    ipc::NameInfo info {};
    Error found = on_spaces(args.a0, [&](Spaces& s) {
        Result<ipc::NameInfo> type = s.target.type(static_cast<PortName>(args.a1));
        if (type.ok())
            info = type.value();
        return type.ok() ? Error::none : type.error();
    });
    if (found != Error::none)
        return found;
    uint32_t type = static_cast<uint32_t>(info.type);
    if (Error e = as_error(vm::copy_to_user(args.a2, &type, sizeof(type))); e != Error::none)
        return e;
    return as_error(vm::copy_to_user(args.a3, &info.user_references, sizeof(info.user_references)));
}

} // namespace kern
