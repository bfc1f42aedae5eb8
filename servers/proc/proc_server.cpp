#include "proc_server.h"

#include <auth/server.h>
#include <interfaces/auth.h>
#include <mach/kernel_objects.h>
#include <rpc/client.h>
#include <runtime/kernel_call.h>
#include <runtime/mach.h>

namespace proc {
namespace {

using Interface = rpc::Interface<Child, GetIds, Exit, Wait, SetProcessGroup, GetProcessGroup, List, Kill, Reexec,
    SetSignals, Shutdown, GivePower, Reauthenticate>;

// Asks the kernel to end `task` and does not wait for the answer: the
// right is whatever the parent said was a task port, and proc never waits
// on a port another task might receive on. A message to a task port with
// no reply right is carried out without an answer.
void terminate(mach::PortName task, int32_t status)
{
    struct {
        mach::MessageHeader header;
        mach::TaskTerminateRequest body;
    } message {};
    message.header.destination = task;
    message.header.destination_disposition = mach::Disposition::copy_send;
    message.header.id = uint32_t(mach::KernelCall::task_terminate);
    message.header.size = sizeof(message);
    message.body.status = status;
    (void)mach::msg(&message.header, mach::kSend | mach::kSendTimeout, sizeof(message), 0, mach::kNullName, 0);
}

// Sends `signal` to a process's signal port without waiting: a full queue
// drops it (POSIX signals do not queue), a dead port too (the process is
// on its way out).
void send_signal(mach::PortName port, int32_t signal, int32_t sender)
{
    struct {
        mach::MessageHeader header;
        SignalMessage body;
    } message {};
    message.header.destination = port;
    message.header.destination_disposition = mach::Disposition::copy_send;
    message.header.id = kSignalMessageId;
    message.header.size = sizeof(message);
    message.body = { signal, sender };
    (void)mach::msg(&message.header, mach::kSend | mach::kSendTimeout, sizeof(message), 0, mach::kNullName, 0);
}

// The wait status Exit's request stands for; invalid_argument if it means nothing.
Result<int32_t> exit_status(const Exit::Request& request)
{
    if (request.signal == 0)
        return exited_status(request.code); // as _exit does, only the low 8 bits count
    if (request.signal < 0 || request.signal > 127)
        return Error::invalid_argument;
    return killed_status(request.signal);
}

} // namespace

Error ProcServer::adopt(mach::PortName port)
{
    TRY_STATUS(m_server.adopt_port(port, *this));
    m_port = port;
    return Error::none;
}

bool ProcServer::serve(mach::MessageHeader& request, rpc::ReplyBuffer& reply)
{
    return Interface::dispatch(*this, request, reply);
}

// The kernel delivers only payloads this server minted, and only while a
// right with them lives: each names a slot of the table (handle_out keeps
// the slot from being reused until payload_released).
Process* ProcServer::caller(uint64_t payload)
{
    if (payload == 0)
        return &m_table.init();
    Process* process = reinterpret_cast<Process*>(payload);
    return process->has_pid() ? process : nullptr;
}

void ProcServer::payload_released(uint64_t payload)
{
    if (payload != 0)
        m_table.handle_released(*reinterpret_cast<Process*>(payload));
}

void ProcServer::dead_name(mach::PortName name)
{
    Process* process = m_table.find_task(name);
    if (!process)
        return;
    if (process->signal_port != 0)
        (void)mach::port_deallocate(m_server.task(), process->signal_port);
    process->signal_port = 0;
    m_table.end(*process);
    after_end(*process);
}

void ProcServer::after_end(Process& process)
{
    if (process.parent)
        signal(*process.parent, kSignalChild, process.pid);
    m_waits.drop(process);
    if (process.parent)
        m_waits.settle(m_table, *process.parent);
    if (process.parent != &m_table.init())
        m_waits.settle(m_table, m_table.init());
}

// ---- Child ----

void ProcServer::forget(Process& child)
{
    Process& parent = *child.parent;
    int32_t pid = child.pid;
    m_table.end(child);
    (void)m_table.wait(parent, pid);
}

Result<Process*> ProcServer::register_child(
    Process& parent, const char* name, mach::PortName task, const UserIds& ids, mach::PortName& minted)
{
    if (m_table.find_task(task))
        return Error::already_exists; // one task, one process
    Process* child = TRY(m_table.add_child(parent, name, task, ids));
    // A dead name (the task died on the way) is notified at once: the child
    // then ends as soon as this request is answered.
    Error watched = m_server.watch_death(task, m_port);
    // Handles are minted once per process: one payload record, one release.
    Result<mach::PortName> handle
        = watched == Error::none ? m_server.make_send(m_port, reinterpret_cast<uint64_t>(child)) : watched;
    if (!handle.ok()) {
        forget(*child);
        return handle.error();
    }
    m_table.handle_minted(*child);
    minted = handle.value();
    return child;
}

Error ProcServer::serve(Child, const rpc::Incoming<Child>& in, rpc::Outgoing<Child>& out)
{
    const rpc::Right& task = in.rights[Child::kTask];
    const rpc::Right& rendezvous = in.rights[Child::kRendezvous];
    Process* parent = caller(in.payload);
    // A send right, or a dead name (it arrives as copy_send) if the task already died.
    bool task_right
        = task.disposition == mach::Disposition::move_send || task.disposition == mach::Disposition::copy_send;
    Error refused = !parent ? Error::not_found : !task_right ? Error::invalid_right : Error::none;
    // The child is who its auth handle proves, else whom its parent is.
    bool proves = rendezvous.name != mach::kNullName;
    if (proves && refused != Error::none)
        rpc::release(rendezvous);
    Result<UserIds> ids = refused != Error::none ? Result<UserIds>(refused)
        : proves                                 ? verified(rendezvous, in.port, in.payload)
                                                 : Result<UserIds>(parent->ids());
    if (!ids.ok())
        refused = ids.error();
    mach::PortName handle = mach::kNullName;
    Result<Process*> child = refused == Error::none
        ? register_child(*parent, in.body.name.c_str(), task.name, ids.value(), handle)
        : Result<Process*>(refused);
    if (!child.ok()) {
        rpc::release(task); // a dead-name request on it goes with it
        return child.error();
    }
    out.rights[0] = { handle, mach::Disposition::move_send };
    out.body.pid = child.value()->pid;
    return Error::none;
}

// ---- ids and groups ----

Error ProcServer::serve(GetIds, const rpc::Incoming<GetIds>& in, rpc::Outgoing<GetIds>& out)
{
    Process* process = caller(in.payload);
    if (!process)
        return Error::not_found;
    out.body.pid = process->pid;
    out.body.parent = process->parent ? process->parent->pid : 0;
    out.body.group = process->group;
    out.body.session = process->session;
    out.body.uid = process->uid;
    out.body.real_uid = process->real_uid;
    return Error::none;
}

Error ProcServer::serve(SetProcessGroup, const rpc::Incoming<SetProcessGroup>& in, rpc::Outgoing<SetProcessGroup>&)
{
    Process* process = caller(in.payload);
    if (!process)
        return Error::not_found;
    TRY_STATUS(m_table.set_group(*process, in.body.pid, in.body.group));
    // A wait for a group may have lost its last matching child.
    m_waits.settle(m_table, *process);
    if (process->parent)
        m_waits.settle(m_table, *process->parent);
    return Error::none;
}

Error ProcServer::serve(GetProcessGroup, const rpc::Incoming<GetProcessGroup>& in, rpc::Outgoing<GetProcessGroup>& out)
{
    Process* process = caller(in.payload);
    if (!process)
        return Error::not_found;
    out.body.group = TRY(m_table.group_of(*process, in.body.pid));
    return Error::none;
}

// ---- ending ----

Error ProcServer::serve(Exit, const rpc::Incoming<Exit>& in, rpc::Outgoing<Exit>&)
{
    Process* process = caller(in.payload);
    if (!process)
        return Error::not_found;
    if (process == &m_table.init())
        return Error::not_supported; // FIXME(shutdown): init's end is the system's
    int32_t status = TRY(exit_status(in.body));
    m_table.report_exit(*process, status);
    return Error::none;
}

Error ProcServer::serve(Wait, const rpc::Incoming<Wait>& in, rpc::Outgoing<Wait>& out)
{
    Process* waiter = caller(in.payload);
    if (!waiter)
        return Error::not_found;
    if (in.body.options & ~uint32_t(kNoHang))
        return Error::invalid_argument;
    Reaped found = TRY(m_table.wait(*waiter, in.body.pid));
    if (found.pid != 0 || (in.body.options & kNoHang)) {
        out.body.pid = found.pid;
        out.body.status = found.status;
        return Error::none;
    }
    if (m_waits.full())
        return Error::no_space;
    m_waits.park(*waiter, in.body.pid, rpc::Deferred<Wait>::take(in));
    return Error::none;
}

Error ProcServer::serve(Kill, const rpc::Incoming<Kill>& in, rpc::Outgoing<Kill>&)
{
    Process* killer = caller(in.payload);
    if (!killer)
        return Error::not_found;
    int32_t number = in.body.signal;
    if (number < 0 || number > 64)
        return Error::invalid_argument;
    return m_table.for_each_kill_target(*killer, in.body.pid, [&](Process& target) {
        if (number != 0)
            signal(target, number, killer->pid);
    });
}

void ProcServer::signal(Process& target, int32_t number, int32_t sender)
{
    if (!target.alive() || &target == &m_table.init())
        return;
    switch (ProcessTable::action_for(target, number)) {
    case SignalAction::drop: return;
    case SignalAction::deliver: send_signal(target.signal_port, number, sender); return;
    case SignalAction::terminate:
        // A status Exit already reported wins: the process was ending anyway.
        if (!target.exit_reported)
            m_table.report_exit(target, killed_status(number));
        terminate(target.task, killed_status(number));
        return;
    }
}

Error ProcServer::serve(SetSignals, const rpc::Incoming<SetSignals>& in, rpc::Outgoing<SetSignals>& out)
{
    Process* process = caller(in.payload);
    const rpc::Right& port = in.rights[0];
    bool has_port = port.name != mach::kNullName;
    Error refused = !process ? Error::not_found
        : has_port && port.disposition != mach::Disposition::move_send
            && port.disposition != mach::Disposition::copy_send
        ? Error::invalid_right
        : Error::none;
    if (refused != Error::none) {
        rpc::release(port);
        return refused;
    }
    if (!(in.body.flags & SetSignals::kKeepDispositions))
        ProcessTable::set_signals(*process, in.body.ignored, in.body.handled);
    if (has_port) {
        if (process->signal_port != 0)
            (void)mach::port_deallocate(m_server.task(), process->signal_port);
        process->signal_port = port.name;
    }
    out.body.ignored = process->ignored_signals;
    out.body.handled = process->handled_signals;
    return Error::none;
}

// ---- exec ----

Error ProcServer::serve(Reexec, const rpc::Incoming<Reexec>& in, rpc::Outgoing<Reexec>&)
{
    const rpc::Right& task = in.rights[0];
    Process* process = caller(in.payload);
    bool task_right
        = task.disposition == mach::Disposition::move_send || task.disposition == mach::Disposition::copy_send;
    Error refused = !process || !process->alive() ? Error::not_found
        : process == &m_table.init()              ? Error::not_supported
        : !task_right                             ? Error::invalid_right
        : m_table.find_task(task.name)            ? Error::already_exists
                                                  : Error::none;
    if (refused == Error::none)
        refused = m_server.watch_death(task.name, m_port);
    if (refused != Error::none) {
        rpc::release(task);
        return refused;
    }
    mach::PortName old_task = process->task;
    mach::PortName old_signal_port = process->signal_port;
    m_table.reexec(*process, task.name, in.body.name.c_str());
    // Its dead-name request goes with the name (a port_deleted, which means nothing here).
    (void)mach::port_deallocate(m_server.task(), old_task);
    if (old_signal_port != 0)
        (void)mach::port_deallocate(m_server.task(), old_signal_port);
    return Error::none;
}

// ---- ps ----

Error ProcServer::serve(List, const rpc::Incoming<List>& in, rpc::Outgoing<List>& out)
{
    out.body.count = m_table.list(in.body.start, out.body.entries, List::kPage, &out.body.next);
    return Error::none;
}

// ---- reboot ----

Error ProcServer::serve(GivePower, const rpc::Incoming<GivePower>& in, rpc::Outgoing<GivePower>&)
{
    const rpc::Right& device = in.rights[0];
    const rpc::Right& auth = in.rights[1];
    bool sends = device.disposition == mach::Disposition::move_send && auth.disposition == mach::Disposition::move_send;
    Error refused = caller(in.payload) != &m_table.init() ? Error::permission_denied
        : m_device != mach::kNullName                     ? Error::busy
        : !sends                                          ? Error::invalid_right
                                                          : Error::none;
    if (refused != Error::none) {
        rpc::release(device);
        rpc::release(auth);
        return refused;
    }
    m_device = device.name;
    m_auth = auth.name;
    return Error::none;
}

Result<UserIds> ProcServer::verified(const rpc::Right& rendezvous, mach::PortName port, uint64_t payload)
{
    if (m_auth == mach::kNullName) {
        rpc::release(rendezvous);
        return Error::not_supported; // nobody to ask yet (GivePower)
    }
    // auth answers at once; one that does not must not freeze proc.
    constexpr uint64_t kTimeoutNs = 1'000'000'000;
    auth::Ids ids = TRY(auth::server::verify(m_auth, m_server.task(), rendezvous, port, payload, kTimeoutNs));
    return UserIds { ids.uid, ids.real_uid, ids.saved_uid };
}

Error ProcServer::serve(Reauthenticate, const rpc::Incoming<Reauthenticate>& in, rpc::Outgoing<Reauthenticate>&)
{
    const rpc::Right& rendezvous = in.rights[0];
    Process* process = caller(in.payload);
    Error refused = !process || !process->alive() ? Error::not_found
        : process == &m_table.init()              ? Error::not_supported
                                                  : Error::none;
    if (refused != Error::none) {
        rpc::release(rendezvous);
        return refused;
    }
    UserIds ids = TRY(verified(rendezvous, in.port, in.payload));
    process->set_ids(ids);
    return Error::none;
}

Error ProcServer::serve(Shutdown, const rpc::Incoming<Shutdown>& in, rpc::Outgoing<Shutdown>&)
{
    const rpc::Right& rendezvous = in.rights[0];
    uint32_t action = in.body.action;
    Error refused = m_device == mach::kNullName                ? Error::not_supported
        : action != mach::kPowerOff && action != mach::kReboot ? Error::invalid_argument
                                                               : Error::none;
    if (refused != Error::none) {
        rpc::release(rendezvous);
        return refused;
    }
    UserIds ids = TRY(verified(rendezvous, in.port, in.payload));
    if (ids.effective != 0)
        return Error::permission_denied;
    mach::PowerRequest request { action, 0 };
    // Returns only if the machine could not do it.
    return mach::kernel_call(m_device, mach::KernelCall::device_power, &request, sizeof(request), nullptr, 0);
}

} // namespace proc
