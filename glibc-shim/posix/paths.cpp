#include "paths.h"

#include <fcntl.h>
#include <string.h>

#include <fs_client/client.h>

#include "process_state.h"

namespace posix {

Result<mach::PortName> open_path(const char* path, uint32_t flags, uint32_t mode)
{
    if (!path)
        return Error::bad_address;
    if (!*path)
        return Error::not_found; // POSIX: the empty path names nothing
    const exec::InitPorts& init = process_state().init;
    return fs::client::open(init[exec::kRootDirectory], init[exec::kWorkingDirectory], path, flags, mode);
}

Result<mach::PortName> open_parent(const char* path, char* name)
{
    if (!path)
        return Error::bad_address;
    size_t length = strlen(path);
    while (length > 1 && path[length - 1] == '/')
        length--; // "dir/" names dir
    size_t start = length;
    while (start > 0 && path[start - 1] != '/')
        start--;
    size_t name_length = length - start;
    if (name_length == 0 || (name_length == 1 && path[start] == '.')
        || (name_length == 2 && path[start] == '.' && path[start + 1] == '.'))
        return Error::invalid_argument;
    if (name_length > fs::kMaxName)
        return Error::name_too_long;
    memcpy(name, path + start, name_length);
    name[name_length] = '\0';
    if (start == 0)
        return open_path(".", fs::kRead | fs::kExecute | fs::kDirectoryOnly);
    char parent[kMaxPath];
    if (start >= sizeof(parent))
        return Error::name_too_long;
    memcpy(parent, path, start); // keeps the '/': "/x" has parent "/"
    parent[start] = '\0';
    return open_path(parent, fs::kRead | fs::kExecute | fs::kDirectoryOnly);
}

uint32_t open_flags_of(int flags)
{
    uint32_t open = 0;
    int access = flags & O_ACCMODE;
    if (access == O_RDONLY || access == O_RDWR)
        open |= fs::kRead;
    if (access == O_WRONLY || access == O_RDWR)
        open |= fs::kWrite;
    if (flags & O_CREAT)
        open |= fs::kCreate;
    if (flags & O_EXCL)
        open |= fs::kExclusive;
    if (flags & O_TRUNC)
        open |= fs::kTruncate;
    if (flags & O_APPEND)
        open |= fs::kAppend;
    if (flags & O_DIRECTORY)
        open |= fs::kDirectoryOnly;
    if (flags & O_NOFOLLOW)
        open |= fs::kNoFollow;
    if (flags & O_NONBLOCK)
        open |= fs::kNonBlocking;
    return open;
}

} // namespace posix
