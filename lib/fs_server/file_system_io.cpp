// The io operations on a peropen: read, write and select (parked while
// the node answers would_block), seek, stat, duplicate and reauthenticate.
#include <auth/server.h>
#include <fs_server/clock.h>
#include <fs_server/file_system.h>
#include <rpc/client.h>

namespace fs {

template <typename Op> Error FileSystem::park(PerOpen& peropen, const rpc::Incoming<Op>& in)
{
    // A non-blocking peropen's reads and writes never wait; a select is
    // how such a caller waits, so it does.
    if ((peropen.flags() & kNonBlocking) && Op::kId != io::Select::kId)
        return Error::would_block;
    peropen.node()->watcher = this;
    return m_parked.park(peropen, credentials_of(peropen).is_root(), in, m_port);
}

void FileSystem::changed(Node& node) { m_parked.retry(node); }

Error FileSystem::serve(io::Read, const rpc::Incoming<io::Read>& in, rpc::Outgoing<io::Read>& out)
{
    PerOpen* peropen = peropen_of(in.payload);
    if (!peropen)
        return Error::permission_denied;
    // Behind a read that waits already, a new one waits too (arrival order).
    Error status = m_parked.waiting(*peropen->node(), ParkedRequests::Kind::read)
        ? Error::would_block
        : attempt(*peropen, in.body, out.body);
    return status == Error::would_block ? park(*peropen, in) : status;
}

Error FileSystem::attempt(PerOpen& peropen, const io::Read::Request& request, io::Read::Reply& reply)
{
    if (!(peropen.flags() & kRead))
        return Error::permission_denied;
    if (is_directory(peropen.node()->stat.mode))
        return Error::is_directory;
    bool at_peropen = request.offset == io::kAtOffset;
    uint64_t offset = at_peropen ? peropen.offset() : request.offset;
    uint32_t amount = request.amount < io::kMaxTransfer ? request.amount : io::kMaxTransfer;
    if (Error e = peropen.node()->read(offset, reply.data.bytes, amount); e != Error::none)
        return e;
    reply.data.length = amount;
    if (at_peropen)
        TRY_STATUS(peropen.set_offset(offset + amount));
    peropen.node()->stat.access_ns = now_ns();
    return Error::none;
}

Error FileSystem::serve(io::Write, const rpc::Incoming<io::Write>& in, rpc::Outgoing<io::Write>& out)
{
    PerOpen* peropen = peropen_of(in.payload);
    if (!peropen)
        return Error::permission_denied;
    Error status = m_parked.waiting(*peropen->node(), ParkedRequests::Kind::write)
        ? Error::would_block
        : attempt(*peropen, in.body, out.body);
    return status == Error::would_block ? park(*peropen, in) : status;
}

Error FileSystem::attempt(PerOpen& peropen, const io::Write::Request& request, io::Write::Reply& reply)
{
    if (!(peropen.flags() & kWrite))
        return Error::permission_denied;
    Node& node = *peropen.node();
    if (is_directory(node.stat.mode))
        return Error::is_directory;
    bool at_peropen = request.offset == io::kAtOffset;
    uint64_t offset = at_peropen ? peropen.offset() : request.offset;
    if (peropen.flags() & kAppend)
        offset = node.stat.size;
    if (const Credentials& who = credentials_of(peropen); !who.is_root())
        TRY_STATUS(node.check_room(who)); // the last of the room is root's
    if (Error e = node.write(offset, request.data.bytes, request.data.length); e != Error::none)
        return e;
    reply.written = request.data.length;
    if (at_peropen || (peropen.flags() & kAppend))
        TRY_STATUS(peropen.set_offset(offset + request.data.length));
    node.stat.modify_ns = node.stat.change_ns = now_ns();
    return Error::none;
}

Error FileSystem::serve(io::Select, const rpc::Incoming<io::Select>& in, rpc::Outgoing<io::Select>& out)
{
    PerOpen* peropen = peropen_of(in.payload);
    if (!peropen)
        return Error::permission_denied;
    Error status = attempt(*peropen, in.body, out.body);
    if (status == Error::would_block && (in.body.flags & io::Select::kNow)) {
        out.body.ready = 0;
        return Error::none;
    }
    return status == Error::would_block ? park(*peropen, in) : status;
}

Error FileSystem::attempt(PerOpen& peropen, const io::Select::Request& request, io::Select::Reply& reply)
{
    if (request.wanted == 0 || (request.wanted & ~uint32_t(io::kReadable | io::kWritable)))
        return Error::invalid_argument;
    // What the peropen may not do is no reason to wait: it would fail at once.
    uint32_t refused = 0;
    if (!(peropen.flags() & kRead))
        refused |= io::kReadable;
    if (!(peropen.flags() & kWrite))
        refused |= io::kWritable;
    reply.ready = (peropen.node()->readiness() | refused) & request.wanted;
    return reply.ready ? Error::none : Error::would_block;
}

Error FileSystem::serve(io::Seek, const rpc::Incoming<io::Seek>& in, rpc::Outgoing<io::Seek>& out)
{
    PerOpen* peropen = peropen_of(in.payload);
    if (!peropen)
        return Error::permission_denied;
    int64_t base = 0;
    switch (in.body.whence) {
    case io::Whence::set: base = 0; break;
    case io::Whence::current: base = int64_t(peropen->offset()); break;
    case io::Whence::end: base = int64_t(peropen->node()->stat.size); break;
    default: return Error::invalid_argument;
    }
    int64_t offset = base + in.body.offset;
    if ((in.body.offset > 0 && offset < base) || offset < 0)
        return Error::invalid_argument;
    TRY_STATUS(peropen->set_offset(uint64_t(offset)));
    out.body.offset = peropen->offset();
    return Error::none;
}

Error FileSystem::serve(io::GetStat, const rpc::Incoming<io::GetStat>& in, rpc::Outgoing<io::GetStat>& out)
{
    PerOpen* peropen = peropen_of(in.payload);
    if (!peropen)
        return Error::permission_denied;
    out.body.stat = peropen->node()->stat;
    return Error::none;
}

Error FileSystem::serve(io::Duplicate, const rpc::Incoming<io::Duplicate>& in, rpc::Outgoing<io::Duplicate>& out)
{
    PerOpen* peropen = peropen_of(in.payload);
    if (!peropen)
        return Error::permission_denied;
    uint32_t flags = in.body.flags & kPerOpenFlags;
    if ((flags & kAccessMask) & ~(peropen->flags() & kAccessMask))
        return Error::permission_denied; // a copy may only lose access
    mach::PortName right = TRY(open_node(*peropen->node(), flags, peropen->credentials()));
    out.rights[0] = { right, mach::Disposition::move_send };
    return Error::none;
}

Error FileSystem::serve(
    io::Reauthenticate, const rpc::Incoming<io::Reauthenticate>& in, rpc::Outgoing<io::Reauthenticate>& out)
{
    const rpc::Right& rendezvous = in.rights[0];
    PerOpen* peropen = peropen_of(in.payload);
    Error status = Error::none;
    if (!peropen)
        status = Error::permission_denied;
    else if (m_auth == mach::kNullName)
        status = Error::not_supported; // nobody to ask who the client is
    if (status != Error::none) {
        rpc::release(rendezvous);
        return status;
    }
    // The rendezvous is the client's: auth may wait for its other half
    // until the timeout, without holding up the file system.
    Result<auth::Ids> verified = [&] {
        runtime::Unlocked unlocked(m_lock);
        return auth::server::verify(m_auth, m_server.task(), rendezvous, in.port, in.payload, kTranslatorTimeoutNs);
    }();
    if (!verified.ok())
        return verified.error();
    uint32_t credentials = TRY(intern(verified.value()));
    mach::PortName right = TRY(open_node(*peropen->node(), peropen->flags(), credentials));
    out.rights[0] = { right, mach::Disposition::move_send };
    return Error::none;
}

} // namespace fs
