#include <fs/file_system.h>
#include <fs/parked.h>
#include <heap/heap.h>

namespace fs {

// One parked request: its reply right and a copy of what it asked.
struct ParkedRequests::Entry {
    PerOpen* peropen; // alive while the entry is (drop() comes before it is freed)
    bool write;
    rpc::Deferred<io::Read> read_reply;
    rpc::Deferred<io::Write> write_reply;
    io::Read::Request read;
    io::Write::Request write_request;

    mach::PortName reply_right() const { return write ? write_reply.right() : read_reply.right(); }
    void answer(Error status)
    {
        if (write)
            write_reply.answer(status);
        else
            read_reply.answer(status);
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
    entry->write = false;
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
    entry->write = true;
    __builtin_memcpy(&entry->write_request, &in.body, rpc::body_size(in.body));
    entry->write_reply = rpc::Deferred<io::Write>::take(in);
    return add(entry, entry->write_reply.right(), port);
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

bool ParkedRequests::waiting(const Node& node, bool write) const
{
    for (uint32_t i = 0; i < m_count; i++) {
        if (m_entries[i]->peropen->node() == &node && m_entries[i]->write == write)
            return true;
    }
    return false;
}

bool ParkedRequests::attempted(Entry& entry)
{
    if (entry.write) {
        io::Write::Reply reply {};
        Error status = m_attempts.attempt(*entry.peropen, entry.write_request, reply);
        if (status == Error::would_block)
            return false;
        entry.write_reply.answer(status, reply);
        return true;
    }
    io::Read::Reply reply {};
    Error status = m_attempts.attempt(*entry.peropen, entry.read, reply);
    if (status == Error::would_block)
        return false;
    entry.read_reply.answer(status, reply);
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
            behind = m_entries[j]->peropen->node() == node && m_entries[j]->write == entry.write;
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
            entry.read_reply.forget();
            entry.write_reply.forget();
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
