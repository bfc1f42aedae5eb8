// The exec server's port: Exec requests (lib/interfaces/exec.h), served
// for anyone. It reads the program through the file right the caller
// sent, so it can load only what the caller could read.
#pragma once

#include <exec/arguments.h>
#include <interfaces/exec.h>
#include <ports/server.h>

namespace exec {

class ExecServer final : public ports::Receiver {
public:
    explicit ExecServer(ports::Server& server)
        : m_server(server)
    {
    }
    ExecServer(const ExecServer&) = delete;
    ExecServer& operator=(const ExecServer&) = delete;

    // Serves `port` (a receive right: exec's bootstrap port).
    Error adopt(mach::PortName port) { return m_server.adopt_port(port, *this); }

    // ---- ports::Receiver ----
    bool serve(mach::MessageHeader& request, rpc::ReplyBuffer& reply) override;
    void payload_released(uint64_t) override { }

    Error serve(Exec, const rpc::Incoming<Exec>&, rpc::Outgoing<Exec>&);

private:
    ports::Server& m_server;
};

} // namespace exec
