// read, write, lseek, close, dup, dup2, dup3, fcntl, fsync: the io
// interface through the descriptor table.
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <fs_client/client.h>
#include <interfaces/io.h>

#include "descriptor_table.h"
#include "errors.h"
#include "process_state.h"
#include "signal_port.h"

namespace posix {

mach::PortName file_of(int fd)
{
    descriptors::Entry* entry = descriptors::find(fd);
    return entry ? entry->name : mach::kNullName;
}

namespace {

uint32_t transfer_size(size_t count) { return count < io::kMaxTransfer ? uint32_t(count) : io::kMaxTransfer; }

// A write to a pipe nobody reads: SIGPIPE (whose default ends the
// process, as `yes | head` wants), then EPIPE for those who ignore it.
ssize_t broken_pipe()
{
    (void)raise(SIGPIPE);
    return fail_with(EPIPE);
}

// One more user reference to `name`: a second descriptor for the same open file.
Error add_reference(mach::PortName name)
{
    return mach::port_mod_refs(process_state().self.task, name, mach::RightType::send, 1);
}

} // namespace

} // namespace posix

using posix::fail;
using posix::fail_with;
using posix::file_of;

extern "C" {

ssize_t read(int fd, void* buffer, size_t count)
{
    mach::PortName file = file_of(fd);
    if (file == mach::kNullName)
        return fail_with(EBADF);
    if (count == 0)
        return 0;
    posix::signals::run_pending();
    Result<uint32_t> got = fs::client::read(file, buffer, posix::transfer_size(count));
    posix::signals::run_pending();
    return got.ok() ? ssize_t(got.value()) : fail(got.error());
}

ssize_t write(int fd, const void* data, size_t count)
{
    mach::PortName file = file_of(fd);
    if (file == mach::kNullName && (fd == 1 || fd == 2) && posix::descriptors::started_without_files())
        return mach::debug_write(static_cast<const char*>(data), count) == Error::none ? ssize_t(count)
                                                                                       : fail_with(EIO);
    if (file == mach::kNullName)
        return fail_with(EBADF);
    const char* bytes = static_cast<const char*>(data);
    size_t done = 0;
    // A write goes in whole, a message at a time; a short count only if
    // an error stops it partway.
    while (done < count) {
        Result<uint32_t> put = fs::client::write(file, bytes + done, posix::transfer_size(count - done));
        if (!put.ok()) {
            if (done > 0)
                break;
            return put.error() == Error::broken_pipe ? posix::broken_pipe() : fail(put.error());
        }
        if (put.value() == 0)
            break;
        done += put.value();
    }
    posix::signals::run_pending();
    return ssize_t(done);
}

ssize_t pread(int fd, void* buffer, size_t count, off_t offset)
{
    mach::PortName file = file_of(fd);
    if (file == mach::kNullName)
        return fail_with(EBADF);
    if (offset < 0)
        return fail_with(EINVAL);
    Result<uint32_t> got = fs::client::read(file, buffer, posix::transfer_size(count), uint64_t(offset));
    return got.ok() ? ssize_t(got.value()) : fail(got.error());
}

ssize_t pwrite(int fd, const void* data, size_t count, off_t offset)
{
    mach::PortName file = file_of(fd);
    if (file == mach::kNullName)
        return fail_with(EBADF);
    if (offset < 0)
        return fail_with(EINVAL);
    Result<uint32_t> put = fs::client::write(file, data, posix::transfer_size(count), uint64_t(offset));
    return put.ok() ? ssize_t(put.value()) : fail(put.error());
}

off_t lseek(int fd, off_t offset, int whence)
{
    mach::PortName file = file_of(fd);
    if (file == mach::kNullName)
        return fail_with(EBADF);
    if (whence != SEEK_SET && whence != SEEK_CUR && whence != SEEK_END)
        return fail_with(EINVAL);
    Result<uint64_t> at = fs::client::seek(file, offset, static_cast<io::Whence>(whence));
    if (!at.ok())
        return at.error() == Error::not_supported ? fail_with(ESPIPE) : fail(at.error()); // a pipe, a terminal
    return off_t(at.value());
}

int close(int fd) { return posix::descriptors::close(fd); }

int dup(int fd) { return fcntl(fd, F_DUPFD, 0); }

int dup3(int fd, int target, int flags)
{
    posix::descriptors::Entry* entry = posix::descriptors::find(fd);
    if (!entry || target < 0 || target >= posix::descriptors::kMax)
        return fail_with(EBADF);
    if (fd == target || (flags & ~O_CLOEXEC))
        return fail_with(EINVAL);
    if (Error added = posix::add_reference(entry->name); added != Error::none)
        return fail(added);
    posix::descriptors::Entry copy = *entry;
    if (posix::descriptors::find(target))
        (void)posix::descriptors::close(target);
    return posix::descriptors::install(copy.name, copy.status_flags, (flags & O_CLOEXEC) ? FD_CLOEXEC : 0, target);
}

int dup2(int fd, int target)
{
    if (fd == target)
        return posix::descriptors::find(fd) ? fd : fail_with(EBADF);
    return dup3(fd, target, 0);
}

int fcntl(int fd, int command, ...)
{
    __builtin_va_list arguments;
    __builtin_va_start(arguments, command);
    long argument = __builtin_va_arg(arguments, long);
    __builtin_va_end(arguments);
    posix::descriptors::Entry* entry = posix::descriptors::find(fd);
    if (!entry)
        return fail_with(EBADF);
    switch (command) {
    case F_DUPFD:
    case F_DUPFD_CLOEXEC: {
        if (argument < 0 || argument >= posix::descriptors::kMax)
            return fail_with(EINVAL);
        if (Error added = posix::add_reference(entry->name); added != Error::none)
            return fail(added);
        return posix::descriptors::install(
            entry->name, entry->status_flags, command == F_DUPFD_CLOEXEC ? FD_CLOEXEC : 0, int(argument));
    }
    case F_GETFD: return entry->descriptor_flags;
    case F_SETFD: entry->descriptor_flags = int(argument) & FD_CLOEXEC; return 0;
    case F_GETFL: return entry->status_flags;
    case F_SETFL:
        // FIXME(io): O_NONBLOCK and O_APPEND live in the peropen; the io
        // interface has no call to change them yet, so they are only recorded.
        entry->status_flags = (entry->status_flags & O_ACCMODE) | (int(argument) & ~O_ACCMODE);
        return 0;
    default: return fail_with(EINVAL);
    }
}

int fsync(int fd) { return posix::descriptors::find(fd) ? 0 : fail_with(EBADF); } // tmpfs: nothing to write back
int fdatasync(int fd) { return fsync(fd); }
void sync(void) { } // every file system writes through (tmpfs: memory) for now

} // extern "C"
