// What a node is, as the fs and io interfaces report it: type and
// permission bits (POSIX's values, so the C library passes them through),
// owner, size, times.
#pragma once

#include <stdint.h>

namespace fs {

// Type and permission bits of Stat::mode.
enum Mode : uint32_t {
    kTypeMask = 0170000,
    kDirectory = 0040000,
    kRegular = 0100000,
    kSymlink = 0120000,
    kCharacterDevice = 0020000,
    kFifo = 0010000,
    kSetUid = 04000,
    kSetGid = 02000,
    kSticky = 01000,
    kPermissionMask = 07777,
    kOwnerRead = 0400,
    kOwnerWrite = 0200,
    kOwnerExecute = 0100,
};

inline bool is_directory(uint32_t mode) { return (mode & kTypeMask) == kDirectory; }
inline bool is_regular(uint32_t mode) { return (mode & kTypeMask) == kRegular; }
inline bool is_symlink(uint32_t mode) { return (mode & kTypeMask) == kSymlink; }

struct alignas(8) Stat {
    uint64_t inode;
    uint64_t size;
    uint64_t access_ns; // times: nanoseconds since the epoch
    uint64_t modify_ns;
    uint64_t change_ns;
    uint32_t mode;
    uint32_t links;
    uint32_t uid;
    uint32_t gid;
    uint32_t device; // of the file system
    uint32_t block_size;
};

// Who a request acts for: a peropen carries the credentials of whoever opened it.
struct Credentials {
    uint32_t uid;
    uint32_t gid;

    bool is_root() const { return uid == 0; }
    bool operator==(const Credentials&) const = default;
};

} // namespace fs
