#include "errors.h"

#include <errno.h>

namespace posix {

int errno_of(Error error)
{
    switch (error) {
    case Error::none: return 0;
    case Error::no_memory: return ENOMEM;
    case Error::invalid_argument: return EINVAL;
    case Error::not_found: return ENOENT;
    case Error::already_exists: return EEXIST;
    case Error::out_of_range: return ERANGE;
    case Error::bad_address: return EFAULT;
    case Error::not_supported: return EOPNOTSUPP;
    case Error::busy: return EBUSY;
    case Error::timed_out: return ETIMEDOUT;
    case Error::invalid_name: return EBADF;
    case Error::invalid_right: return EBADF;
    case Error::permission_denied: return EACCES;
    case Error::port_dead: return EIO; // the server went away
    case Error::queue_full: return EAGAIN;
    case Error::too_large: return E2BIG;
    case Error::invalid_disposition: return EINVAL;
    case Error::no_space: return ENOSPC;
    case Error::interrupted: return EINTR;
    case Error::port_set_changed: return EINTR;
    case Error::invalid_reply: return EIO;
    case Error::not_directory: return ENOTDIR;
    case Error::is_directory: return EISDIR;
    case Error::not_empty: return ENOTEMPTY;
    case Error::name_too_long: return ENAMETOOLONG;
    case Error::too_many_links: return ELOOP;
    case Error::cross_device: return EXDEV;
    case Error::would_block: return EAGAIN;
    case Error::broken_pipe: return EPIPE;
    case Error::no_value: return EIO;
    }
    return EIO;
}

int fail(Error error) { return fail_with(errno_of(error)); }

int fail_with(int number)
{
    errno = number;
    return -1;
}

int zero_or_fail(const Result<void>& result) { return result.ok() ? 0 : fail(result.error()); }

} // namespace posix
