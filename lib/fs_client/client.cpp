#include <auth/client.h>
#include <fs_client/client.h>
#include <heap/heap.h>
#include <interfaces/fsys.h>
#include <rpc/client.h>
#include <runtime/mach.h>

namespace fs::client {
namespace {

mach::PortName self_task()
{
    mach::SelfPorts self {};
    (void)mach::self_ports(&self);
    return self.task;
}

} // namespace

void close(mach::PortName file)
{
    if (file != mach::kNullName)
        (void)mach::port_deallocate(self_task(), file);
}

Result<mach::PortName> open(mach::PortName root, mach::PortName cwd, const char* path, uint32_t flags, uint32_t mode)
{
    Lookup::Request request {};
    request.flags = flags;
    request.mode = mode;
    mach::PortName at = path[0] == '/' ? root : cwd;
    while (*path == '/')
        path++;
    if (!request.path.set(path))
        return Error::name_too_long;
    mach::PortName owned = mach::kNullName; // a directory a retry handed us
    for (uint32_t tries = 0; tries < kMaxRetries; tries++) {
        Lookup::Reply reply {};
        rpc::Rights<1> got;
        Error status = rpc::call<Lookup>(at, request, reply, {}, &got);
        close(owned);
        owned = mach::kNullName;
        if (status != Error::none)
            return status;
        switch (reply.result) {
        case LookupResult::done: return got[0].name;
        case LookupResult::retry: owned = at = got[0].name; break;
        case LookupResult::retry_from_root:
            close(got[0].name);
            at = root;
            break;
        default: close(got[0].name); return Error::invalid_reply;
        }
        request.path = reply.rest;
    }
    close(owned);
    return Error::too_many_links;
}

Result<uint32_t> read(mach::PortName file, void* buffer, uint32_t size, uint64_t offset)
{
    // Not zeroed: rpc::call fills what the answer holds and checks its length
    // (8 KiB of zeroes would cost more than a small read itself).
    io::Read::Reply reply;
    uint32_t amount = size < io::kMaxTransfer ? size : io::kMaxTransfer;
    TRY_STATUS(rpc::call<io::Read>(file, { offset, amount, 0 }, reply));
    if (reply.data.length > amount)
        return Error::invalid_reply;
    __builtin_memcpy(buffer, reply.data.bytes, reply.data.length);
    return reply.data.length;
}

Result<uint32_t> write(mach::PortName file, const void* data, uint32_t size, uint64_t offset)
{
    io::Write::Request request; // only what goes on the wire is set (see read)
    request.offset = offset;
    request.data.length = size < io::kMaxTransfer ? size : io::kMaxTransfer;
    request.data.reserved = 0;
    __builtin_memcpy(request.data.bytes, data, request.data.length);
    io::Write::Reply reply {};
    TRY_STATUS(rpc::call<io::Write>(file, request, reply));
    return uint32_t(reply.written);
}

Result<uint64_t> seek(mach::PortName file, int64_t offset, io::Whence whence)
{
    io::Seek::Reply reply {};
    TRY_STATUS(rpc::call<io::Seek>(file, { offset, whence, 0 }, reply));
    return reply.offset;
}

Result<Stat> stat(mach::PortName file)
{
    io::GetStat::Reply reply {};
    TRY_STATUS(rpc::call<io::GetStat>(file, {}, reply));
    return reply.stat;
}

Result<uint8_t*> read_all(mach::PortName file, size_t& size, size_t limit)
{
    Stat attributes = TRY(stat(file));
    if (attributes.size > limit)
        return Error::too_large;
    size = attributes.size;
    auto* bytes = static_cast<uint8_t*>(TRY(heap::allocate(size ? size : 1)));
    Error status = Error::none;
    for (size_t at = 0; status == Error::none && at < size;) {
        uint32_t want = uint32_t(size - at < io::kMaxTransfer ? size - at : io::kMaxTransfer);
        Result<uint32_t> got = read(file, bytes + at, want, at);
        status = !got.ok()     ? got.error()
            : got.value() == 0 ? Error::invalid_reply
                               : Error::none; // shorter than it said
        if (got.ok())
            at += got.value();
    }
    if (status != Error::none) {
        heap::free(bytes);
        return status;
    }
    return bytes;
}

Result<uint8_t*> read_file(mach::PortName root, mach::PortName cwd, const char* path, size_t& size)
{
    mach::PortName file = TRY(open(root, cwd, path, kRead));
    Result<uint8_t*> bytes = read_all(file, size);
    close(file);
    return bytes;
}

Result<mach::PortName> root_from_control(mach::PortName control, Credentials who, uint32_t flags)
{
    rpc::Rights<1> got;
    fsys::GetRoot::Reply reply {};
    TRY_STATUS(rpc::call<fsys::GetRoot>(control, { who, flags, 0 }, reply, {}, &got));
    if (got[0].name == mach::kNullName)
        return Error::invalid_argument; // a link (without kNoFollow): there is no root to hand out
    return got[0].name;
}

Result<mach::PortName> reauthenticate(mach::PortName file, mach::PortName auth_handle, uint64_t timeout_ns)
{
    rpc::Rights<1> got;
    TRY_STATUS(auth::client::with_rendezvous(auth_handle, file, [&](const rpc::Right& rendezvous) {
        rpc::Rights<1> give;
        give[0] = rendezvous;
        io::Reauthenticate::Reply reply {};
        return rpc::call<io::Reauthenticate>(file, {}, reply, give, &got, timeout_ns);
    }));
    return got[0].name;
}

} // namespace fs::client
