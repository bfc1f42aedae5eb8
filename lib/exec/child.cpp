#include <auth/client.h>
#include <exec/child.h>
#include <exec/spawn.h>
#include <interfaces/proc.h>
#include <rpc/client.h>

namespace exec {
namespace {

// The last component of `path`: the process's name.
const char* base_name(const char* path)
{
    const char* name = path;
    for (const char* at = path; *at; at++) {
        if (*at == '/')
            name = at + 1;
    }
    return name;
}

} // namespace

Result<mach::PortName> register_child(
    mach::PortName proc_handle, mach::PortName task, const char* name, int32_t& pid, mach::PortName auth_handle)
{
    proc::Child::Request request {};
    request.name.set(name); // a longer name is cut short: it is only for ps
    rpc::Rights<1> handle;
    proc::Child::Reply reply {};
    auto ask = [&](const rpc::Right& rendezvous) {
        rpc::Rights<2> give;
        give[proc::Child::kTask] = { task, mach::Disposition::copy_send };
        give[proc::Child::kRendezvous] = rendezvous;
        return rpc::call<proc::Child>(proc_handle, request, reply, give, &handle);
    };
    if (auth_handle != mach::kNullName)
        TRY_STATUS(auth::client::with_rendezvous(auth_handle, proc_handle, ask));
    else
        TRY_STATUS(ask(rpc::Right {}));
    pid = reply.pid;
    return handle[0].name;
}

void list_child(mach::PortName proc_handle, mach::PortName task, const char* name, mach::PortName auth_handle)
{
    int32_t pid = 0;
    Result<mach::PortName> handle = proc_handle != mach::kNullName
        ? register_child(proc_handle, task, name, pid, auth_handle)
        : Result<mach::PortName>(Error::not_supported);
    if (handle.ok())
        rpc::release({ handle.value(), mach::Disposition::move_send });
    rpc::release({ task, mach::Disposition::move_send });
}

Error share_descriptors(mach::PortName task, const Descriptors& table)
{
    if (!table.valid())
        return Error::invalid_argument;
    for (uint32_t fd = 0; fd < table.count; fd++) {
        mach::PortName name = table.names[fd];
        if (name != mach::kNullName)
            TRY_STATUS(mach::port_insert_right(task, name, name, mach::Disposition::copy_send));
    }
    return Error::none;
}

Result<int32_t> start_child(const Command& command, InitPorts init)
{
    const char* name = base_name(command.path);
    mach::PortName task = TRY(create_task(name));
    int32_t pid = 0;
    Error shared = command.descriptors ? share_descriptors(task, *command.descriptors) : Error::none;
    Result<mach::PortName> handle = shared == Error::none ? register_child(init[kProc], task, name, pid, init[kAuth])
                                                          : Result<mach::PortName>(shared);
    Error status = handle.ok() ? Error::none : handle.error();
    if (handle.ok()) {
        mach::PortName parent = init[kProc];
        init[kProc] = handle.value();
        status = execute(init[kExecServer], task, command, init);
        init[kProc] = parent;
        rpc::release({ handle.value(), mach::Disposition::move_send }); // the program holds its own copy
    }
    rpc::release({ task, mach::Disposition::move_send }); // proc watches it now
    if (status == Error::none)
        return pid;
    if (handle.ok()) {
        // It never started, and proc holds its task port: end it there, and reap it.
        proc::Kill::Reply killed {};
        (void)rpc::call<proc::Kill>(init[kProc], { pid, proc::kSignalKill }, killed);
        (void)wait_child(init[kProc], pid);
    }
    return status;
}

Result<int32_t> wait_child(mach::PortName proc_handle, int32_t pid)
{
    proc::Wait::Reply ended {};
    TRY_STATUS(rpc::call<proc::Wait>(proc_handle, { pid, 0 }, ended));
    return ended.status;
}

} // namespace exec
