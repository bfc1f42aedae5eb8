// Paths as the C library resolves them: from the process's root or
// working directory (fs::client follows translators and links), and the
// directory-plus-last-name split that unlink, mkdir, rename and friends need.
#pragma once

#include <freestanding/result.h>
#include <interfaces/fs.h>
#include <mach/port.h>

namespace posix {

Result<mach::PortName> open_path(const char* path, uint32_t flags, uint32_t mode = 0);

// The directory that holds the last component of `path`, opened, and that
// component in `name` (room for fs::kMaxName + 1 bytes). invalid_argument for "", "/", "." and "..": no name to act on.
Result<mach::PortName> open_parent(const char* path, char* name);

// The open flags of the fs interface for POSIX's O_* flags.
uint32_t open_flags_of(int flags);

} // namespace posix
