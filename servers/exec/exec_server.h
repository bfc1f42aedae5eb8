// The exec server's port: Exec requests (lib/interfaces/exec.h), served
// for anyone. It reads the program through the file right the caller
// sent, so it can load only what the caller could read; set-user-id and
// set-group-id programs of the root file system get their owner's ids
// (set_id.h), with the power startup gave it.
#pragma once

#include <exec/arguments.h>
#include <exec/init_ports.h>
#include <interfaces/exec.h>
#include <ports/server.h>

#include "set_id.h"

namespace exec {

class ExecServer final : public ports::Receiver {
public:
    explicit ExecServer(ports::Server& server)
        : m_server(server)
    {
    }
    ExecServer(const ExecServer&) = delete;
    ExecServer& operator=(const ExecServer&) = delete;

    // Takes root's auth handle and a root directory from `init` (startup's
    // gift, for set-id programs; they become null there).
    void take_power(InitPorts& init);
    // Serves `port` (a receive right: exec's bootstrap port).
    Error adopt(mach::PortName port);

    // ---- ports::Receiver ----
    bool serve(mach::MessageHeader& request, rpc::ReplyBuffer& reply) override;
    void payload_released(uint64_t) override { }

    Error serve(Exec, const rpc::Incoming<Exec>&, rpc::Outgoing<Exec>&);

private:
    ports::Server& m_server;
    SetIdPower m_power;
};

} // namespace exec
