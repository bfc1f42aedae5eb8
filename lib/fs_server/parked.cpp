#include <fs_server/file_system.h>
#include <fs_server/parked.h>
#include <heap/heap.h>

namespace fs {

// One parked request: its reply right and a copy of what it asked.
struct ParkedRequests::Entry {
    PerOpen* peropen; // alive while the entry is (drop() comes before it is freed)
    Kind kind;
    rpc::Deferred<io::Read> read_reply;
    rpc::Deferred<io::Write> write_reply;
    rpc::Deferred<io::Select> select_reply;
    io::Read::Request read;
    io::Write::Request write_request;
    io::Select::Request select;

    mach::PortName reply_right() const
    {
        switch (kind) {
        case Kind::read: return read_reply.right();
        case Kind::write: return write_reply.right();
        case Kind::select: return select_reply.right();
        }
        return mach::kNullName;
    }
    void answer(Error status)
    {
        switch (kind) {
        case Kind::read: read_reply.answer(status); return;
        case Kind::write: write_reply.answer(status); return;
        case Kind::select: select_reply.answer(status); return;
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
    while (m_count)
        remove(m_count - 1);
}

Error ParkedRequests::park(PerOpen& peropen, const rpc::Incoming<io::Read>& in, mach::PortName port)
{
    if (m_count == kMaxParked)
        return Error::busy;
    Entry* entry = TRY(heap::create<Entry>());
    entry->peropen = &peropen;
    entry->kind = Kind::read;
    entry->read = in.body;
    entry->read_reply = rpc::Deferred<io::Read>::take(in);
    return add(entry, entry->read_reply.right(), port);
}

Error ParkedRequests::park(PerOpen& peropen, const rpc::Incoming<io::Write>& in, mach::PortName port)
{
    if (m_count == kMaxParked)
        return Error::busy;
    Entry* entry = TRY(heap::create<Entry>());
    entry->peropen = &peropen;
    entry->kind = Kind::write;
    __builtin_memcpy(&entry->write_request, &in.body, rpc::body_size(in.body));
    entry->write_reply = rpc::Deferred<io::Write>::take(in);
    return add(entry, entry->write_reply.right(), port);
}

Error ParkedRequests::park(PerOpen& peropen, const rpc::Incoming<io::Select>& in, mach::PortName port)
{
    if (m_count == kMaxParked)
        return Error::busy;
    Entry* entry = TRY(heap::create<Entry>());
    entry->peropen = &peropen;
    entry->kind = Kind::select;
    entry->select = in.body;
    entry->select_reply = rpc::Deferred<io::Select>::take(in);
    return add(entry, entry->select_reply.right(), port);
}

Error ParkedRequests::add(Entry* entry, mach::PortName reply, mach::PortName port)
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
    m_entries[m_count++] = entry;
    return Error::none;
}

bool ParkedRequests::waiting(const Node& node, Kind kind) const
{
    for (uint32_t i = 0; i < m_count; i++) {
        if (m_entries[i]->peropen->node() == &node && m_entries[i]->kind == kind)
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

bool ParkedRequests::attempted(Entry& entry)
{
    switch (entry.kind) {
    case Kind::read: return try_again(m_attempts, *entry.peropen, entry.read, entry.read_reply);
    case Kind::write: return try_again(m_attempts, *entry.peropen, entry.write_request, entry.write_reply);
    case Kind::select: return try_again(m_attempts, *entry.peropen, entry.select, entry.select_reply);
    }
    return true;
}

void ParkedRequests::pass(const Node* only)
{
    for (uint32_t i = 0; i < m_count;) {
        Entry& entry = *m_entries[i];
        const Node* node = entry.peropen->node();
        // Still parked before it, of its kind on its node: it stays behind that one.
        bool behind = false;
        for (uint32_t j = 0; j < i && !behind; j++)
            behind = m_entries[j]->peropen->node() == node && m_entries[j]->kind == entry.kind;
        if ((only && node != only) || behind || !attempted(entry))
            i++;
        else
            remove(i);
    }
}

void ParkedRequests::retry(Node& node)
{
    if (m_retrying) {
        m_again = true; // an answer changed a node: once more when this pass ends
        return;
    }
    m_retrying = true;
    pass(&node);
    while (m_again) {
        m_again = false;
        pass(nullptr);
    }
    m_retrying = false;
}

void ParkedRequests::drop(const PerOpen& peropen)
{
    for (uint32_t i = 0; i < m_count;) {
        if (m_entries[i]->peropen == &peropen)
            remove(i);
        else
            i++;
    }
}

bool ParkedRequests::forget(mach::PortName name)
{
    for (uint32_t i = 0; i < m_count; i++) {
        Entry& entry = *m_entries[i];
        if (entry.reply_right() == name) {
            entry.forget();
            remove(i);
            return true;
        }
    }
    return false;
}

void ParkedRequests::remove(uint32_t index)
{
    Entry* entry = m_entries[index];
    for (uint32_t i = index + 1; i < m_count; i++)
        m_entries[i - 1] = m_entries[i];
    m_entries[--m_count] = nullptr;
    heap::destroy(entry); // an unanswered reply right goes with it
}

} // namespace fs
