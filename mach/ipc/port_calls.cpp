#include <ipc/name_space.h>
#include <ipc/port_calls.h>

namespace ipc {
namespace {

using mach::PortName;
using mach::Syscall;

Error as_error(const Result<void>& result) { return result.ok() ? Error::none : result.error(); }

bool is_u32(uint64_t value) { return value <= UINT32_MAX; }

// One port call: its arguments, the spaces and where results go.
struct Call {
    const CallArgs& args;
    NameSpace& caller;
    NameSpace& target;
    CallerMemory& memory;

    PortName name(uint64_t value) const { return static_cast<PortName>(value); }

    // Writes a zero where a result will go: fails now, before any change, if the address is bad.
    template <typename T> Error check_output(uint64_t address) const
    {
        T zero {};
        return as_error(memory.write(address, &zero, sizeof(zero)));
    }

    template <typename T> Error write(uint64_t address, const T& value) const
    {
        return as_error(memory.write(address, &value, sizeof(value)));
    }

    Error write_name(uint64_t address, const Result<PortName>& result) const
    {
        return result.ok() ? write(address, result.value()) : result.error();
    }
};

Error allocate(const Call& c)
{
    if (Error e = c.check_output<PortName>(c.args.a2); e != Error::none)
        return e;
    if (!is_u32(c.args.a1))
        return Error::invalid_argument;
    return c.write_name(c.args.a2, c.target.allocate(static_cast<mach::RightType>(c.args.a1)));
}

Error mod_refs(const Call& c)
{
    if (!is_u32(c.args.a1) || !is_u32(c.args.a2))
        return Error::invalid_argument;
    return as_error(
        c.target.mod_refs(c.name(c.args.a1), static_cast<mach::RightType>(c.args.a2), static_cast<int32_t>(c.args.a3)));
}

Error insert_right(const Call& c)
{
    if (!is_u32(c.args.a1) || !is_u32(c.args.a2) || c.args.a3 > 0xff)
        return Error::invalid_argument;
    return as_error(c.target.insert_right(
        c.name(c.args.a1), c.caller, c.name(c.args.a2), static_cast<mach::Disposition>(c.args.a3)));
}

Error extract_right(const Call& c)
{
    if (Error e = c.check_output<PortName>(c.args.a3); e != Error::none)
        return e;
    if (!is_u32(c.args.a1) || c.args.a2 > 0xff)
        return Error::invalid_argument;
    return c.write_name(
        c.args.a3, c.target.extract_right(c.name(c.args.a1), static_cast<mach::Disposition>(c.args.a2), c.caller));
}

Error request_notification(const Call& c)
{
    if (Error e = c.check_output<PortName>(c.args.a5); e != Error::none)
        return e;
    if (!is_u32(c.args.a1) || !is_u32(c.args.a2) || !is_u32(c.args.a3) || c.args.a4 > 0xff)
        return Error::invalid_argument;
    return c.write_name(c.args.a5,
        c.target.request_notification(c.name(c.args.a1), static_cast<mach::NotificationKind>(c.args.a2), c.caller,
            c.name(c.args.a3), static_cast<mach::Disposition>(c.args.a4)));
}

Error make_send_with_payload(const Call& c)
{
    if (Error e = c.check_output<PortName>(c.args.a3); e != Error::none)
        return e;
    if (!is_u32(c.args.a1))
        return Error::invalid_name;
    return c.write_name(c.args.a3, c.target.make_send_with_payload(c.name(c.args.a1), c.args.a2));
}

Error set_queue_limit(const Call& c)
{
    if (!is_u32(c.args.a1) || !is_u32(c.args.a2))
        return Error::invalid_argument;
    return as_error(c.target.set_queue_limit(c.name(c.args.a1), static_cast<uint32_t>(c.args.a2)));
}

Error type(const Call& c)
{
    if (Error e = c.check_output<uint32_t>(c.args.a2); e != Error::none)
        return e;
    if (Error e = c.check_output<uint32_t>(c.args.a3); e != Error::none)
        return e;
    if (!is_u32(c.args.a1))
        return Error::invalid_name;
    Result<NameInfo> info = c.target.type(c.name(c.args.a1));
    if (!info.ok())
        return info.error();
    if (Error e = c.write(c.args.a2, static_cast<uint32_t>(info.value().type)); e != Error::none)
        return e;
    return c.write(c.args.a3, info.value().user_references);
}

Error identify(const Call& c)
{
    if (Error e = c.check_output<PortName>(c.args.a2); e != Error::none)
        return e;
    if (Error e = c.check_output<uint64_t>(c.args.a3); e != Error::none)
        return e;
    if (!is_u32(c.args.a1))
        return Error::invalid_name;
    Result<Identity> identity = c.target.identify(c.name(c.args.a1));
    if (!identity.ok())
        return identity.error();
    if (Error e = c.write(c.args.a2, identity.value().receive); e != Error::none)
        return e;
    return c.write(c.args.a3, identity.value().payload);
}

} // namespace

bool is_port_call(Syscall call) { return call >= Syscall::port_allocate && call <= Syscall::port_identify; }

Error port_call(Syscall call, const CallArgs& args, NameSpace& caller, NameSpace& target, CallerMemory& memory)
{
    Call c { args, caller, target, memory };
    switch (call) {
    case Syscall::port_allocate: return allocate(c);
    case Syscall::port_deallocate:
        return is_u32(args.a1) ? as_error(target.deallocate(c.name(args.a1))) : Error::invalid_name;
    case Syscall::port_destroy:
        return is_u32(args.a1) ? as_error(target.destroy_name(c.name(args.a1))) : Error::invalid_name;
    case Syscall::port_mod_refs: return mod_refs(c);
    case Syscall::port_insert_right: return insert_right(c);
    case Syscall::port_extract_right: return extract_right(c);
    case Syscall::port_move_member:
        if (!is_u32(args.a1) || !is_u32(args.a2))
            return Error::invalid_name;
        return as_error(target.move_member(c.name(args.a1), c.name(args.a2)));
    case Syscall::port_request_notification: return request_notification(c);
    case Syscall::port_make_send_with_payload: return make_send_with_payload(c);
    case Syscall::port_set_queue_limit: return set_queue_limit(c);
    case Syscall::port_type: return type(c);
    case Syscall::port_identify: return identify(c);
    default: return Error::not_supported;
    }
}

} // namespace ipc
