// The proc server's IPC side: the proc interface served on one port for a
// ProcessTable. A request finds its process from the payload of the handle
// it came through (a plain right is pid 1); a task's death comes as a
// dead-name notification on its task port; a handle's last right dying
// comes as payload_released.
#pragma once

#include <interfaces/proc.h>
#include <ports/server.h>
#include <rpc/server.h>

#include "parked_waits.h"
#include "process_table.h"

namespace proc {

class ProcServer final : public ports::Receiver {
public:
    explicit ProcServer(ports::Server& server)
        : m_server(server)
    {
    }

    // Serves `port`, a receive right of this task (proc's bootstrap port).
    Error adopt(mach::PortName port);

    ProcessTable& table() { return m_table; }
    uint32_t parked_waits() const { return m_waits.count(); }

    // ---- ports::Receiver ----
    bool serve(mach::MessageHeader& request, rpc::ReplyBuffer& reply) override;
    void payload_released(uint64_t payload) override;
    void dead_name(mach::PortName name) override;

    // ---- the operations (rpc::Interface calls these) ----
    Error serve(Child, const rpc::Incoming<Child>&, rpc::Outgoing<Child>&);
    Error serve(GetIds, const rpc::Incoming<GetIds>&, rpc::Outgoing<GetIds>&);
    Error serve(Exit, const rpc::Incoming<Exit>&, rpc::Outgoing<Exit>&);
    Error serve(Wait, const rpc::Incoming<Wait>&, rpc::Outgoing<Wait>&);
    Error serve(SetProcessGroup, const rpc::Incoming<SetProcessGroup>&, rpc::Outgoing<SetProcessGroup>&);
    Error serve(GetProcessGroup, const rpc::Incoming<GetProcessGroup>&, rpc::Outgoing<GetProcessGroup>&);
    Error serve(List, const rpc::Incoming<List>&, rpc::Outgoing<List>&);
    Error serve(Kill, const rpc::Incoming<Kill>&, rpc::Outgoing<Kill>&);
    Error serve(Reexec, const rpc::Incoming<Reexec>&, rpc::Outgoing<Reexec>&);
    Error serve(SetSignals, const rpc::Incoming<SetSignals>&, rpc::Outgoing<SetSignals>&);
    Error serve(Shutdown, const rpc::Incoming<Shutdown>&, rpc::Outgoing<Shutdown>&);
    Error serve(GivePower, const rpc::Incoming<GivePower>&, rpc::Outgoing<GivePower>&);
    Error serve(Reauthenticate, const rpc::Incoming<Reauthenticate>&, rpc::Outgoing<Reauthenticate>&);

private:
    // The process a request came from: pid 1 for a plain right, null for
    // the handle of a process already reaped.
    Process* caller(uint64_t payload);
    // Registers a child of `parent` for `task`, watches the task and mints
    // the child's handle (into `minted`); on failure nothing is left and
    // `task` is still the caller's.
    Result<Process*> register_child(
        Process& parent, const char* name, mach::PortName task, const UserIds& ids, mach::PortName& minted);
    // Drops a child nobody has heard of yet.
    void forget(Process& child);
    // What follows a process's end: its parked waits go, its parent's and
    // init's (which may have inherited zombies) are answered if they can be.
    void after_end(Process& process);
    // Carries out `number` sent to `target` by pid `sender` (Kill's rules).
    void signal(Process& target, int32_t number, int32_t sender);
    // Who auth vouched for `rendezvous` (which goes), sent to `port`
    // through a right with `payload` (auth::server::verify).
    Result<UserIds> verified(const rpc::Right& rendezvous, mach::PortName port, uint64_t payload);

    ports::Server& m_server;
    mach::PortName m_port = mach::kNullName;
    ProcessTable m_table;
    ParkedWaits m_waits;
    mach::PortName m_device = mach::kNullName; // for Shutdown alone (GivePower)
    mach::PortName m_auth = mach::kNullName; // an auth handle: who asks for a Shutdown
};

} // namespace proc
