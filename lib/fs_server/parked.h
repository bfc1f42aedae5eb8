// Requests parked on nodes that answered would_block ("not now": a read of
// an empty pipe, a write to a full one, a select of a file not ready). Each keeps its reply right
// (rpc::Deferred) and a copy of its request; retry() tries them again
// when the node says it changed, answering those that can go on.
//
// Order: requests of one kind (reads, writes) on one node go on in the
// order they arrived; a later one never overtakes an earlier one. Each
// node keeps its own queue (Node::parked), so a change costs only what
// waits on that node.
//
// Bounded per user, not for the whole file system: the requests parked
// for one set of credentials (a user) are at most kMaxPerUser; past that
// that user's new request gets no_memory, and nobody else notices (root
// has no such limit). Each parked request also holds a reply port of its
// caller's, which the caller's own port quota bounds. A parked request
// whose caller goes away (its reply port dies) is forgotten, and one
// whose peropen is freed is dropped, so nothing leaks.
#pragma once

#include <interfaces/io.h>
#include <mach/error.h>
#include <ports/server.h>
#include <rpc/server.h>

namespace fs {

class Node;
class PerOpen;
struct ParkedEntry;

// How a parked request is tried again (the file system's read, write and select).
class Attempts {
public:
    virtual Error attempt(PerOpen& peropen, const io::Read::Request& request, io::Read::Reply& reply) = 0;
    virtual Error attempt(PerOpen& peropen, const io::Write::Request& request, io::Write::Reply& reply) = 0;
    virtual Error attempt(PerOpen& peropen, const io::Select::Request& request, io::Select::Reply& reply) = 0;

protected:
    ~Attempts() = default;
};

class ParkedRequests {
public:
    static constexpr uint32_t kMaxPerUser = 1024;
    // Credentials indexes counted (a file system's table is no larger: FileSystem::kMaxCredentials).
    static constexpr uint32_t kCredentialSlots = 256;

    // Deaths of reply rights are reported to `port`'s receiver (its dead_name: call forget()).
    ParkedRequests(ports::Server& server, Attempts& attempts)
        : m_server(server)
        , m_attempts(attempts)
    {
    }
    ~ParkedRequests();
    ParkedRequests(const ParkedRequests&) = delete;
    ParkedRequests& operator=(const ParkedRequests&) = delete;

    // Parks the request (taking its reply right) on the peropen's node;
    // no_memory when its user has kMaxPerUser parked already (root:
    // `privileged`, never). `port` is the file system's port.
    Error park(PerOpen& peropen, bool privileged, const rpc::Incoming<io::Read>& in, mach::PortName port);
    Error park(PerOpen& peropen, bool privileged, const rpc::Incoming<io::Write>& in, mach::PortName port);
    Error park(PerOpen& peropen, bool privileged, const rpc::Incoming<io::Select>& in, mach::PortName port);

    enum class Kind : uint8_t { read, write, select };

    // Whether a request of `kind` waits on `node` already: a new one queues behind it.
    bool waiting(const Node& node, Kind kind) const;

    // Tries the requests parked on `node` again, in arrival order. Called
    // again while it runs (an answer changed a node), that node's turn
    // comes when this one's ends.
    void retry(Node& node);

    // The peropen is being freed: its requests go unanswered (callers learn port_dead).
    void drop(const PerOpen& peropen);

    // The reply right `name` died (its caller went away) and the ports
    // library drops the dead name: the request is forgotten. False if no
    // parked request had it.
    bool forget(mach::PortName name);

    uint32_t count() const { return m_count; }
    // Requests parked now for the credentials at `index` of the file system's table.
    uint32_t count_for(uint32_t index) const { return index < kCredentialSlots ? m_per_user[index] : 0; }

private:
    Result<ParkedEntry*> make(PerOpen& peropen, bool privileged, Kind kind);
    Error add(ParkedEntry* entry, mach::PortName reply, mach::PortName port);
    bool attempted(ParkedEntry& entry); // answered, or failed for good
    void pass(Node& node);
    void remove(ParkedEntry* entry);

    ports::Server& m_server;
    Attempts& m_attempts;
    ParkedEntry* m_first = nullptr; // all of them, oldest first
    ParkedEntry* m_last = nullptr;
    uint32_t m_count = 0;
    uint32_t m_per_user[kCredentialSlots] = {};
    bool m_retrying = false;
    Node* m_pending = nullptr; // nodes that changed during a retry (Node::parked.next_pending)
};

} // namespace fs
