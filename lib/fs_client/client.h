// The client's side of the fs and io interfaces: opening a path — the
// client resolves it, following the file systems' "retry" answers across
// translators and absolute symbolic links — and the calls on an open file.
// What the C library and the utilities build on.
#pragma once

#include <freestanding/result.h>
#include <interfaces/fs.h>
#include <interfaces/io.h>
#include <mach/message.h>
#include <mach/port.h>

namespace fs::client {

constexpr uint32_t kMaxRetries = 32;

// Opens `path`: from `root` if it starts with '/', else from `cwd`. The
// right returned is the caller's (a send right with its peropen's payload).
Result<mach::PortName> open(
    mach::PortName root, mach::PortName cwd, const char* path, uint32_t flags, uint32_t mode = 0);

// Up to `size` bytes (at most io::kMaxTransfer per call) at the file's
// offset, or at `offset`. Returns how many were read (0: the end).
Result<uint32_t> read(mach::PortName file, void* buffer, uint32_t size, uint64_t offset = io::kAtOffset);
Result<uint32_t> write(mach::PortName file, const void* data, uint32_t size, uint64_t offset = io::kAtOffset);
Result<uint64_t> seek(mach::PortName file, int64_t offset, io::Whence whence);
Result<Stat> stat(mach::PortName file);

// Gives up a right (an open file, a directory).
void close(mach::PortName file);

// The whole of the open `file` (read at explicit offsets: its peropen's
// offset does not move) in a block of lib/heap the caller frees, and its
// size; too_large past `limit` bytes.
Result<uint8_t*> read_all(mach::PortName file, size_t& size, size_t limit = 64u << 20);

// The whole file at `path` in a block of lib/heap (the caller frees it),
// and its size.
Result<uint8_t*> read_file(mach::PortName root, mach::PortName cwd, const char* path, size_t& size);

// A root directory from a file system's control port (fsys GetRoot), for `who`.
Result<mach::PortName> root_from_control(mach::PortName control, Credentials who, uint32_t flags = kRead | kExecute);

// The same open file (or directory) for the user of `auth_handle`: proves
// that identity to the file's server through auth (io Reauthenticate,
// lib/interfaces/auth.h) and returns the new right; `file` stays the caller's.
// A server calling a file server it does not trust gives a `timeout_ns`.
Result<mach::PortName> reauthenticate(
    mach::PortName file, mach::PortName auth_handle, uint64_t timeout_ns = mach::kWaitForever);

} // namespace fs::client
