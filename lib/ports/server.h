// The ports library: a server's receive loop. The server receives on a
// port set; each port in it has a Receiver that serves its requests. The
// objects a server hands out (open files, nodes) are not ports of their
// own: they are send rights minted with a payload (make_send), so one port
// serves any number of them and a request finds its object from the
// payload alone, with no table. When the last right with a payload dies,
// the Receiver is told (payload_released).
//
// Several threads may serve (each calls serve()). A payload's release must
// not overtake a request that came through its rights: the kernel sends
// the release when the last such right is consumed — possibly as a worker
// takes the last request, which it then still handles. So a worker that
// receives a release first waits until every other worker has been seen
// outside any request through that payload it may hold (see quiesce());
// workers blocked in the kernel are woken for that by a message on a wake
// port of the set. The receivers' own state is theirs to guard when
// several threads serve (runtime/lock.h); each thread calls other servers
// through its own reply port (rpc/reply_port.h).
//
// Each port has a companion port for its notifications, to which nobody
// but the kernel can send: a client cannot forge a release.
//
// Bounded: at most kMaxPorts ports.
#pragma once

#include <freestanding/result.h>
#include <mach/port.h>
#include <ports/receiver.h>
#include <rpc/server.h>
#include <stdint.h>

namespace ports {

class Server {
public:
    static constexpr uint32_t kMaxPorts = 32;
    static constexpr uint32_t kMaxWorkers = 8;

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

    // Serves requests until shut_down() (then none), or until receiving
    // fails again and again (the set is gone). A bad message — one whose
    // rights do not fit, an answer the kernel refuses — costs only its
    // sender. Up to kMaxWorkers threads may serve at once; busy past that.
    Error serve();
    // Makes serve() return (it may be called from a request's handler or another thread).
    void shut_down();

    mach::PortName task() const { return m_task; }
    // Threads serving now.
    uint32_t workers() const;

private:
    struct PortEntry {
        mach::PortName name;
        mach::PortName notify; // the kernel's notifications about it arrive here
        Receiver* receiver;
    };
    // The entry whose port (or notification port) is `port`; false if none.
    bool find(mach::PortName port, PortEntry& entry, bool& notification);
    Error request_notification(mach::PortName name, mach::NotificationKind kind, mach::PortName port);
    void handle(mach::MessageHeader& message, rpc::ReplyBuffer& reply, uint32_t worker);
    Error answer_and_receive(rpc::ReplyBuffer*& in, rpc::ReplyBuffer*& out);
    void handle_notification(Receiver& receiver, mach::MessageHeader& message, uint32_t worker);
    // A free worker slot, claimed; kMaxWorkers if none.
    uint32_t claim_worker();
    // Waits until no other worker can still hold a request that came
    // through a right with `payload` (its last right died): each worker
    // in its receive call when this was called comes out of it, and one
    // that took such a request there (or was handling one) finishes it.
    // Workers busy with other objects are not waited for.
    void quiesce(uint32_t worker, uint64_t payload);
    // Whether worker i, whose count was `seen`, may still hold a request for `payload`.
    bool may_hold(uint32_t i, uint64_t seen, uint64_t payload) const;
    void wait_for_worker(uint32_t i, uint64_t seen, uint64_t payload);
    // Before a request is served: waits until the releases other workers
    // are carrying out are done (but not one of the request's own object,
    // which waits for it instead), so a request sent after a right died
    // sees its object gone, as a single worker would have shown it.
    void wait_for_releases(uint32_t worker, uint64_t payload);
    // After a failed receive: none to go on (the message is dealt with),
    // or the error that ends serve().
    Error after_failed_receive(Error received, mach::MessageHeader& message, uint32_t& failures);
    // Wakes one worker blocked in its receive call.
    void send_wake();
    void lock();
    void unlock();

    mach::PortName m_task = mach::kNullName;
    mach::PortName m_set = mach::kNullName;
    PortEntry m_ports[kMaxPorts] = {};
    uint32_t m_port_count = 0;
    mach::PortName m_wake = mach::kNullName; // a port of the set: its messages only wake a worker
    mach::PortName m_wake_sender = mach::kNullName;
    // Per worker: whether its slot is taken, and a count that is odd while
    // it is inside its receive call (it may hold a message it took there
    // before it says so) and even while it handles what it received.
    bool m_worker_active[kMaxWorkers] = {};
    uint64_t m_worker_generation[kMaxWorkers] = {};
    bool m_worker_quiescing[kMaxWorkers] = {}; // handling a release: holds no request
    uint64_t m_worker_payload[kMaxWorkers] = {}; // of what it received last
    uint64_t m_worker_releasing[kMaxWorkers] = {}; // the payload whose release it carries out (0: none)
    static constexpr uint32_t kMaxFailedReceives = 1000; // in a row: the receive itself is broken
    bool m_shutting_down = false;
    bool m_locked = false;
};

} // namespace ports
