// Calls on paths and on files' attributes: open, stat, access, unlink,
// mkdir, rmdir, rename, link, symlink, readlink, chmod, truncate, utimes.
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#include <fs_client/client.h>
#include <rpc/client.h>

#include "descriptor_table.h"
#include "errors.h"
#include "paths.h"
#include "process_state.h"

namespace posix {

mach::PortName file_of(int fd);

namespace {

mode_t g_umask = 022;

void fill_stat(const fs::Stat& from, struct stat* to)
{
    memset(to, 0, sizeof(*to));
    to->st_dev = from.device;
    to->st_ino = from.inode;
    to->st_nlink = from.links;
    to->st_mode = from.mode;
    to->st_uid = from.uid;
    to->st_gid = from.gid;
    to->st_size = off_t(from.size);
    to->st_blksize = from.block_size ? from.block_size : 4096;
    to->st_blocks = off_t((from.size + 511) / 512);
    to->st_atim = { time_t(from.access_ns / 1'000'000'000), long(from.access_ns % 1'000'000'000) };
    to->st_mtim = { time_t(from.modify_ns / 1'000'000'000), long(from.modify_ns % 1'000'000'000) };
    to->st_ctim = { time_t(from.change_ns / 1'000'000'000), long(from.change_ns % 1'000'000'000) };
}

Result<void> stat_file(mach::PortName file, struct stat* out)
{
    if (!out)
        return Error::bad_address;
    fs::Stat got = TRY(fs::client::stat(file));
    fill_stat(got, out);
    return {};
}

Result<void> stat_path(const char* path, struct stat* out, uint32_t flags)
{
    mach::PortName file = TRY(open_path(path, flags));
    Result<void> status = stat_file(file, out);
    fs::client::close(file);
    return status;
}

// Sends a name operation (unlink, mkdir, rmdir) to the directory holding `path`.
template <typename Op> Result<void> on_name(const char* path, uint32_t mode)
{
    typename Op::Request request {};
    mach::PortName directory = TRY(open_parent(path, request.name.chars));
    request.mode = mode;
    typename Op::Reply reply {};
    Error status = rpc::call<Op>(directory, request, reply);
    fs::client::close(directory);
    return status;
}

Result<void> set_attribute(mach::PortName file, const fs::SetAttribute::Request& request)
{
    fs::SetAttribute::Reply reply {};
    return rpc::call<fs::SetAttribute>(file, request, reply);
}

Result<void> set_attribute_at(const char* path, const fs::SetAttribute::Request& request)
{
    mach::PortName file = TRY(open_path(path, 0));
    Result<void> status = set_attribute(file, request);
    fs::client::close(file);
    return status;
}

uint64_t ns_of(const struct timespec& time) { return uint64_t(time.tv_sec) * 1'000'000'000 + uint64_t(time.tv_nsec); }

fs::SetAttribute::Request times_request(const struct timespec times[2])
{
    fs::SetAttribute::Request request {};
    request.which = fs::Attribute::times;
    if (times) {
        request.access_ns = ns_of(times[0]);
        request.modify_ns = ns_of(times[1]);
    } else {
        struct timespec now { };
        (void)clock_gettime(CLOCK_REALTIME, &now);
        request.access_ns = request.modify_ns = ns_of(now);
    }
    return request;
}

} // namespace
} // namespace posix

using posix::fail;
using posix::fail_with;

extern "C" {

int open(const char* path, int flags, ...)
{
    mode_t mode = 0;
    if (flags & O_CREAT) {
        va_list arguments;
        va_start(arguments, flags);
        mode = va_arg(arguments, mode_t);
        va_end(arguments);
    }
    Result<mach::PortName> file = posix::open_path(path, posix::open_flags_of(flags), mode & ~posix::g_umask & 07777);
    if (!file.ok())
        return fail(file.error());
    return posix::descriptors::install(
        file.value(), flags & (O_ACCMODE | O_APPEND | O_NONBLOCK), (flags & O_CLOEXEC) ? FD_CLOEXEC : 0);
}

int openat(int directory, const char* path, int flags, ...)
{
    mode_t mode = 0;
    va_list arguments;
    va_start(arguments, flags);
    if (flags & O_CREAT)
        mode = va_arg(arguments, mode_t);
    va_end(arguments);
    if (directory != AT_FDCWD && path[0] != '/')
        return fail_with(ENOSYS); // FIXME(posix): lookups from a directory descriptor
    return open(path, flags, mode);
}

int creat(const char* path, mode_t mode) { return open(path, O_WRONLY | O_CREAT | O_TRUNC, mode); }

int fstat(int fd, struct stat* out)
{
    mach::PortName file = posix::file_of(fd);
    return file == mach::kNullName ? fail_with(EBADF) : posix::zero_or_fail(posix::stat_file(file, out));
}

int stat(const char* path, struct stat* out) { return posix::zero_or_fail(posix::stat_path(path, out, 0)); }
int lstat(const char* path, struct stat* out)
{
    return posix::zero_or_fail(posix::stat_path(path, out, fs::kNoFollow | fs::kNoTranslator));
}

int fstatat(int directory, const char* path, struct stat* out, int flags)
{
    if (directory != AT_FDCWD && path[0] != '/')
        return fail_with(ENOSYS);
    return (flags & AT_SYMLINK_NOFOLLOW) ? lstat(path, out) : stat(path, out);
}

int access(const char* path, int mode)
{
    if (mode & ~(R_OK | W_OK | X_OK))
        return fail_with(EINVAL);
    uint32_t flags = 0;
    if (mode & R_OK)
        flags |= fs::kRead;
    if (mode & W_OK)
        flags |= fs::kWrite;
    if (mode & X_OK)
        flags |= fs::kExecute; // of a directory: search
    Result<mach::PortName> file = posix::open_path(path, flags);
    if (!file.ok())
        return fail(file.error() == Error::is_directory ? Error::permission_denied : file.error());
    fs::client::close(file.value());
    return 0;
}

int faccessat(int directory, const char* path, int mode, int)
{
    if (directory != AT_FDCWD && path[0] != '/')
        return fail_with(ENOSYS);
    return access(path, mode);
}

int unlink(const char* path) { return posix::zero_or_fail(posix::on_name<fs::Unlink>(path, 0)); }
int rmdir(const char* path) { return posix::zero_or_fail(posix::on_name<fs::RemoveDirectory>(path, 0)); }
int mkdir(const char* path, mode_t mode)
{
    return posix::zero_or_fail(posix::on_name<fs::MakeDirectory>(path, mode & ~posix::g_umask & 07777));
}

int unlinkat(int directory, const char* path, int flags)
{
    if (directory != AT_FDCWD && path[0] != '/')
        return fail_with(ENOSYS);
    return (flags & AT_REMOVEDIR) ? rmdir(path) : unlink(path);
}

int mkfifo(const char*, mode_t) { return fail_with(ENOSYS); } // FIXME(posix): settrans /hurd/fifo does it

int rename(const char* from, const char* to)
{
    fs::Rename::Request request {};
    Result<mach::PortName> from_directory = posix::open_parent(from, request.name.chars);
    if (!from_directory.ok())
        return fail(from_directory.error());
    Result<mach::PortName> to_directory = posix::open_parent(to, request.to_name.chars);
    if (!to_directory.ok()) {
        fs::client::close(from_directory.value());
        return fail(to_directory.error());
    }
    rpc::Rights<1> give;
    give[0] = { to_directory.value(), mach::Disposition::copy_send };
    fs::Rename::Reply reply {};
    Error status = rpc::call<fs::Rename>(from_directory.value(), request, reply, give);
    fs::client::close(from_directory.value());
    fs::client::close(to_directory.value());
    return status == Error::none ? 0 : fail(status);
}

int link(const char* existing, const char* made)
{
    Result<mach::PortName> file = posix::open_path(existing, fs::kNoTranslator);
    if (!file.ok())
        return fail(file.error());
    fs::Link::Request request {};
    Result<mach::PortName> directory = posix::open_parent(made, request.to_name.chars);
    if (!directory.ok()) {
        fs::client::close(file.value());
        return fail(directory.error());
    }
    rpc::Rights<1> give;
    give[0] = { directory.value(), mach::Disposition::copy_send };
    fs::Link::Reply reply {};
    Error status = rpc::call<fs::Link>(file.value(), request, reply, give);
    fs::client::close(file.value());
    fs::client::close(directory.value());
    return status == Error::none ? 0 : fail(status);
}

int symlink(const char* target, const char* path)
{
    fs::Symlink::Request request {};
    if (!request.target.set(target))
        return fail_with(ENAMETOOLONG);
    Result<mach::PortName> directory = posix::open_parent(path, request.name.chars);
    if (!directory.ok())
        return fail(directory.error());
    fs::Symlink::Reply reply {};
    Error status = rpc::call<fs::Symlink>(directory.value(), request, reply);
    fs::client::close(directory.value());
    return status == Error::none ? 0 : fail(status);
}

ssize_t readlink(const char* path, char* buffer, size_t size)
{
    Result<mach::PortName> link = posix::open_path(path, fs::kNoFollow | fs::kNoTranslator);
    if (!link.ok())
        return fail(link.error());
    fs::ReadLink::Reply reply {};
    Error status = rpc::call<fs::ReadLink>(link.value(), {}, reply);
    fs::client::close(link.value());
    if (status != Error::none)
        return fail(status == Error::not_supported ? Error::invalid_argument : status);
    size_t length = strlen(reply.target.c_str());
    size_t copied = length < size ? length : size; // readlink does not end it with a NUL
    memcpy(buffer, reply.target.c_str(), copied);
    return ssize_t(copied);
}

int chmod(const char* path, mode_t mode)
{
    fs::SetAttribute::Request request {};
    request.which = fs::Attribute::mode;
    request.mode = mode & 07777;
    return posix::zero_or_fail(posix::set_attribute_at(path, request));
}

int fchmod(int fd, mode_t mode)
{
    mach::PortName file = posix::file_of(fd);
    if (file == mach::kNullName)
        return fail_with(EBADF);
    fs::SetAttribute::Request request {};
    request.which = fs::Attribute::mode;
    request.mode = mode & 07777;
    return posix::zero_or_fail(posix::set_attribute(file, request));
}

int chown(const char* path, uid_t uid, gid_t gid)
{
    fs::SetAttribute::Request request {};
    request.which = fs::Attribute::owner;
    request.uid = uid;
    request.gid = gid;
    return posix::zero_or_fail(posix::set_attribute_at(path, request));
}

int ftruncate(int fd, off_t size)
{
    mach::PortName file = posix::file_of(fd);
    if (file == mach::kNullName)
        return fail_with(EBADF);
    if (size < 0)
        return fail_with(EINVAL);
    fs::SetAttribute::Request request {};
    request.which = fs::Attribute::size;
    request.size = uint64_t(size);
    return posix::zero_or_fail(posix::set_attribute(file, request));
}

int truncate(const char* path, off_t size)
{
    int fd = open(path, O_WRONLY);
    if (fd < 0)
        return -1;
    int status = ftruncate(fd, size);
    int saved = errno;
    (void)close(fd);
    errno = saved;
    return status;
}

int utimensat(int directory, const char* path, const struct timespec times[2], int)
{
    if (directory != AT_FDCWD && path[0] != '/')
        return fail_with(ENOSYS);
    return posix::zero_or_fail(posix::set_attribute_at(path, posix::times_request(times)));
}

int futimens(int fd, const struct timespec times[2])
{
    mach::PortName file = posix::file_of(fd);
    if (file == mach::kNullName)
        return fail_with(EBADF);
    return posix::zero_or_fail(posix::set_attribute(file, posix::times_request(times)));
}

int utimes(const char* path, const struct timeval times[2])
{
    if (!times)
        return utimensat(AT_FDCWD, path, nullptr, 0);
    struct timespec converted[2]
        = { { times[0].tv_sec, times[0].tv_usec * 1000 }, { times[1].tv_sec, times[1].tv_usec * 1000 } };
    return utimensat(AT_FDCWD, path, converted, 0);
}

mode_t umask(mode_t mask)
{
    mode_t old = posix::g_umask;
    posix::g_umask = mask & 0777;
    return old;
}

} // extern "C"
