// The ports library: a server's receive loop. The server receives on a
// port set; each port in it has a Receiver that serves its requests. The
// objects a server hands out (open files, nodes) are not ports of their
// own: they are send rights minted with a payload (make_send), so one port
// serves any number of them and a request finds its object from the
// payload alone, with no table. When the last right with a payload dies,
// the Receiver is told (payload_released).
//
// One thread serves: requests and notifications are handled in the order
// they arrive, so a payload's release comes after every request sent
// through its rights. FIXME(workers): several serving threads need the
// kernel to number the messages of a port as they are taken, so that a
// release can wait for the requests dequeued before it (a worker may be
// preempted between taking a request and marking it as being served).
//
// Each port has a companion port for its notifications, to which nobody
// but the kernel can send: a client cannot forge a release.
//
// Bounded: at most kMaxPorts ports.
#pragma once

#include <base/result.h>
#include <mach/port.h>
#include <ports/receiver.h>
#include <rpc/server.h>
#include <stdint.h>

namespace ports {

class Server {
public:
    static constexpr uint32_t kMaxPorts = 32;

    Server() = default;
    Server(const Server&) = delete;
    Server& operator=(const Server&) = delete;

    // Makes the server's port set.
    Error open();
    // Destroys the port set and every port of the server (no serve() may run).
    void close();

    // A new receive right served by `receiver` (not owned; it must outlive
    // the port). Payload releases for it are armed.
    Result<mach::PortName> add_port(Receiver& receiver);
    // Serves an existing receive right (a bootstrap port, say) with `receiver`, as add_port does.
    Error adopt_port(mach::PortName port, Receiver& receiver);
    // Destroys a port of the server (its rights die; clients see port_dead).
    void remove_port(mach::PortName port);

    // A send right to `port` carrying `payload` (nonzero), for handing to a client.
    Result<mach::PortName> make_send(mach::PortName port, uint64_t payload);
    // Asks for the port's no-senders notification (once).
    Error watch_senders(mach::PortName port);
    // Asks for a dead-name notification of `name` (a send right the server
    // holds), delivered to the Receiver of `port`.
    Error watch_death(mach::PortName name, mach::PortName port);

    // Serves requests until shut_down() (then none) or an error. busy if
    // another thread serves already.
    Error serve();
    // Makes serve() return (it may be called from a request's handler or another thread).
    void shut_down();

    mach::PortName task() const { return m_task; }

private:
    struct PortEntry {
        mach::PortName name;
        mach::PortName notify; // the kernel's notifications about it arrive here
        Receiver* receiver;
    };
    // The entry whose port (or notification port) is `port`; false if none.
    bool find(mach::PortName port, PortEntry& entry, bool& notification);
    Error request_notification(mach::PortName name, mach::NotificationKind kind, mach::PortName port);
    void handle(mach::MessageHeader& message, rpc::ReplyBuffer& reply);
    Error answer_and_receive(rpc::ReplyBuffer*& in, rpc::ReplyBuffer*& out);
    void handle_notification(Receiver& receiver, mach::MessageHeader& message);
    void lock();
    void unlock();

    mach::PortName m_task = mach::kNullName;
    mach::PortName m_set = mach::kNullName;
    PortEntry m_ports[kMaxPorts] = {};
    uint32_t m_port_count = 0;
    bool m_serving = false;
    bool m_shutting_down = false;
    bool m_locked = false;
};

} // namespace ports
