#include <fs_server/file_system.h>
#include <fs_server/parked.h>
#include <heap/heap.h>

namespace fs {

// One parked request: its reply right and a copy of what it asked (a
// write's, with its data, in a block of its own).
struct ParkedEntry {
    PerOpen* peropen; // alive while the entry is (drop() comes before it is freed)
    ParkedRequests::Kind kind;
    uint32_t credentials; // the peropen's, counted in ParkedRequests::m_per_user
    bool counted;
    ParkedEntry* node_previous = nullptr; // in the node's queue
    ParkedEntry* node_next = nullptr;
    ParkedEntry* previous = nullptr; // in the file system's list
    ParkedEntry* next = nullptr;
    rpc::Deferred<io::Read> read_reply;
    rpc::Deferred<io::Write> write_reply;
    rpc::Deferred<io::Select> select_reply;
    io::Read::Request read {};
    io::Select::Request select {};
    io::Write::Request* write_request = nullptr; // from lib/heap

    ~ParkedEntry() { heap::free(write_request); }

    mach::PortName reply_right() const
    {
        switch (kind) {
        case ParkedRequests::Kind::read: return read_reply.right();
        case ParkedRequests::Kind::write: return write_reply.right();
        case ParkedRequests::Kind::select: return select_reply.right();
        }
        return mach::kNullName;
    }
    void answer(Error status)
    {
        switch (kind) {
        case ParkedRequests::Kind::read: read_reply.answer(status); return;
        case ParkedRequests::Kind::write: write_reply.answer(status); return;
        case ParkedRequests::Kind::select: select_reply.answer(status); return;
        }
    }
    void forget()
    {
        read_reply.forget();
        write_reply.forget();
        select_reply.forget();
    }
};

ParkedRequests::~ParkedRequests()
{
    while (m_first)
        remove(m_first);
}

Result<ParkedEntry*> ParkedRequests::make(PerOpen& peropen, bool privileged, Kind kind)
{
    uint32_t credentials = peropen.credentials();
    bool counted = !privileged && credentials < kCredentialSlots;
    if (counted && m_per_user[credentials] >= kMaxPerUser)
        return Error::no_memory; // this user's limit: only this request fails
    ParkedEntry* entry = TRY(heap::create<ParkedEntry>());
    entry->peropen = &peropen;
    entry->kind = kind;
    entry->credentials = credentials;
    entry->counted = counted;
    return entry;
}

Error ParkedRequests::park(PerOpen& peropen, bool privileged, const rpc::Incoming<io::Read>& in, mach::PortName port)
{
    ParkedEntry* entry = TRY(make(peropen, privileged, Kind::read));
    entry->read = in.body;
    entry->read_reply = rpc::Deferred<io::Read>::take(in);
    return add(entry, entry->read_reply.right(), port);
}

Error ParkedRequests::park(PerOpen& peropen, bool privileged, const rpc::Incoming<io::Write>& in, mach::PortName port)
{
    Result<void*> copy = heap::allocate(sizeof(io::Write::Request));
    if (!copy.ok())
        return copy.error();
    Result<ParkedEntry*> entry = make(peropen, privileged, Kind::write);
    if (!entry.ok()) {
        heap::free(copy.value());
        return entry.error();
    }
    entry.value()->write_request = static_cast<io::Write::Request*>(copy.value());
    __builtin_memcpy(entry.value()->write_request, &in.body, rpc::body_size(in.body));
    entry.value()->write_reply = rpc::Deferred<io::Write>::take(in);
    return add(entry.value(), entry.value()->write_reply.right(), port);
}

Error ParkedRequests::park(PerOpen& peropen, bool privileged, const rpc::Incoming<io::Select>& in, mach::PortName port)
{
    ParkedEntry* entry = TRY(make(peropen, privileged, Kind::select));
    entry->select = in.body;
    entry->select_reply = rpc::Deferred<io::Select>::take(in);
    return add(entry, entry->select_reply.right(), port);
}

Error ParkedRequests::add(ParkedEntry* entry, mach::PortName reply, mach::PortName port)
{
    if (reply == mach::kNullName) {
        heap::destroy(entry); // a one-way request: nobody to answer later
        return Error::would_block;
    }
    // Told when the caller's reply port dies, the request does not outlive its caller.
    if (Error watched = m_server.watch_death(reply, port); watched != Error::none) {
        entry->answer(watched); // the reply right is the entry's now: answer through it
        heap::destroy(entry);
        return Error::none;
    }
    ParkedQueue& queue = entry->peropen->node()->parked;
    entry->node_previous = queue.last;
    (queue.last ? queue.last->node_next : queue.first) = entry;
    queue.last = entry;
    entry->previous = m_last;
    (m_last ? m_last->next : m_first) = entry;
    m_last = entry;
    m_count++;
    if (entry->counted)
        m_per_user[entry->credentials]++;
    return Error::none;
}

bool ParkedRequests::waiting(const Node& node, Kind kind) const
{
    for (const ParkedEntry* entry = node.parked.first; entry; entry = entry->node_next) {
        if (entry->kind == kind)
            return true;
    }
    return false;
}

// Tries one kind of request again: false if it must go on waiting.
template <typename Op>
bool try_again(Attempts& attempts, PerOpen& peropen, const typename Op::Request& request, rpc::Deferred<Op>& reply)
{
    typename Op::Reply answer {};
    Error status = attempts.attempt(peropen, request, answer);
    if (status == Error::would_block)
        return false;
    reply.answer(status, answer);
    return true;
}

bool ParkedRequests::attempted(ParkedEntry& entry)
{
    switch (entry.kind) {
    case Kind::read: return try_again(m_attempts, *entry.peropen, entry.read, entry.read_reply);
    case Kind::write: return try_again(m_attempts, *entry.peropen, *entry.write_request, entry.write_reply);
    case Kind::select: return try_again(m_attempts, *entry.peropen, entry.select, entry.select_reply);
    }
    return true;
}

void ParkedRequests::pass(Node& node)
{
    uint32_t blocked = 0; // kinds with a request still waiting: later ones stay behind it
    for (ParkedEntry* entry = node.parked.first; entry;) {
        ParkedEntry* next = entry->node_next;
        uint32_t kind = 1u << uint32_t(entry->kind);
        if (!(blocked & kind)) {
            if (attempted(*entry))
                remove(entry);
            else
                blocked |= kind;
        }
        entry = next;
    }
}

void ParkedRequests::retry(Node& node)
{
    if (m_retrying) {
        // An answer changed a node: its turn comes when this pass ends.
        if (!node.parked.pending) {
            node.parked.pending = true;
            node.parked.next_pending = m_pending;
            m_pending = &node;
        }
        return;
    }
    m_retrying = true;
    pass(node);
    while (m_pending) {
        Node& again = *m_pending;
        m_pending = again.parked.next_pending;
        again.parked.pending = false;
        again.parked.next_pending = nullptr;
        pass(again);
    }
    m_retrying = false;
}

void ParkedRequests::drop(const PerOpen& peropen)
{
    for (ParkedEntry* entry = peropen.node()->parked.first; entry;) {
        ParkedEntry* next = entry->node_next;
        if (entry->peropen == &peropen)
            remove(entry);
        entry = next;
    }
}

bool ParkedRequests::forget(mach::PortName name)
{
    for (ParkedEntry* entry = m_first; entry; entry = entry->next) {
        if (entry->reply_right() == name) {
            entry->forget();
            remove(entry);
            return true;
        }
    }
    return false;
}

void ParkedRequests::remove(ParkedEntry* entry)
{
    ParkedQueue& queue = entry->peropen->node()->parked;
    (entry->node_previous ? entry->node_previous->node_next : queue.first) = entry->node_next;
    (entry->node_next ? entry->node_next->node_previous : queue.last) = entry->node_previous;
    (entry->previous ? entry->previous->next : m_first) = entry->next;
    (entry->next ? entry->next->previous : m_last) = entry->previous;
    m_count--;
    if (entry->counted)
        m_per_user[entry->credentials]--;
    heap::destroy(entry); // an unanswered reply right goes with it
}

} // namespace fs
