// What serves the messages that arrive on one port of a ports::Server.
#pragma once

#include <mach/message.h>
#include <mach/port.h>
#include <rpc/server.h>

namespace ports {

class Receiver {
public:
    // Serves one request that arrived on the port, building the answer in
    // `reply` (rpc::Interface<...>::dispatch). False: its id is not served
    // here (the server then answers not_supported).
    virtual bool serve(mach::MessageHeader& request, rpc::ReplyBuffer& reply) = 0;

    // The last send right minted with `payload` (Server::make_send) died.
    // Called once no request that came through such a right is still
    // being served, so the object the payload names may go.
    virtual void payload_released(uint64_t payload) = 0;

    // No send right to the port exists any more (asked for with
    // Server::watch_senders; it must be asked for again to come again).
    virtual void no_senders() { }

    // The port behind `name` (a right the receiver asked Server::watch_death for) died.
    virtual void dead_name(mach::PortName name) { (void)name; }

protected:
    ~Receiver() = default;
};

} // namespace ports
