// pipe, pipe2: a new pipe from pflocal (servers/pflocal/pipe_maker.h):
// open one, then a read-only and a write-only peropen of it.
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include <fs_client/client.h>
#include <rpc/client.h>

#include "descriptor_table.h"
#include "errors.h"
#include "paths.h"

namespace posix {
namespace {

constexpr const char* kPipeServer = "/servers/pipe/pipe";

Result<mach::PortName> end_of(mach::PortName pipe, uint32_t access)
{
    io::Duplicate::Reply reply {};
    rpc::Rights<1> got;
    TRY_STATUS(rpc::call<io::Duplicate>(pipe, { access, 0 }, reply, {}, &got));
    return got[0].name;
}

} // namespace
} // namespace posix

extern "C" {

int pipe2(int fds[2], int flags)
{
    if (flags & ~(O_CLOEXEC | O_NONBLOCK))
        return posix::fail_with(EINVAL);
    Result<mach::PortName> pipe = posix::open_path(posix::kPipeServer, fs::kRead | fs::kWrite);
    if (!pipe.ok())
        return posix::fail(pipe.error() == Error::not_found ? Error::no_space : pipe.error());
    uint32_t nonblocking = (flags & O_NONBLOCK) ? uint32_t(fs::kNonBlocking) : 0u;
    Result<mach::PortName> reader = posix::end_of(pipe.value(), fs::kRead | nonblocking);
    if (!reader.ok()) {
        fs::client::close(pipe.value());
        return posix::fail(reader.error());
    }
    Result<mach::PortName> writer = posix::end_of(pipe.value(), fs::kWrite | nonblocking);
    fs::client::close(pipe.value());
    if (!writer.ok()) {
        fs::client::close(reader.value());
        return posix::fail(writer.error());
    }
    int descriptor_flags = (flags & O_CLOEXEC) ? FD_CLOEXEC : 0;
    int status_nonblocking = flags & O_NONBLOCK;
    int read_end = posix::descriptors::install(reader.value(), O_RDONLY | status_nonblocking, descriptor_flags);
    if (read_end < 0) {
        fs::client::close(writer.value());
        return -1;
    }
    int write_end = posix::descriptors::install(writer.value(), O_WRONLY | status_nonblocking, descriptor_flags);
    if (write_end < 0) {
        (void)close(read_end);
        return -1;
    }
    fds[0] = read_end;
    fds[1] = write_end;
    return 0;
}

int pipe(int fds[2]) { return pipe2(fds, 0); }

} // extern "C"
