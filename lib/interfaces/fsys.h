// The fsys interface: a file system's control port. Whoever holds it is
// trusted by the file system — its parent, or startup for the root — and
// may ask for the root as any user, change options, or make it go away.
#pragma once

#include <interfaces/fs.h>
#include <interfaces/stat.h>
#include <rpc/wire.h>

namespace fsys {

constexpr uint32_t kBase = 22000;
constexpr uint32_t kMaxOptions = 512;

// A right to the root directory, opened with `flags` (fs::OpenFlag) for
// `who`. A root that is a symbolic link (the symlink translator's) is not
// opened unless the flags say kNoFollow: the reply carries no right and
// `link` is the target, which the file system asking (the one the
// translator sits on) follows as one of its own links in place of the
// node: a relative target from the directory holding the node, an
// absolute one from the client's root (Lookup's retry_from_root).
struct GetRoot : rpc::Operation<kBase + 1, 0, 1> {
    struct alignas(8) Request {
        fs::Credentials who;
        uint32_t flags;
        uint32_t reserved;
    };
    struct alignas(8) Reply {
        rpc::Text<fs::kMaxPath> link; // "" unless the root is a link to follow
    };
};

// The file system's options, as a command line would give them.
struct GetOptions : rpc::Operation<kBase + 2> {
    using Request = rpc::Empty;
    struct alignas(8) Reply {
        rpc::Text<kMaxOptions> options;
    };
};

// Ends the file system: refused (busy) while files are open unless `force`.
struct GoAway : rpc::Operation<kBase + 3> {
    struct alignas(8) Request {
        uint32_t force;
        uint32_t reserved;
    };
    using Reply = rpc::Empty;
};

// What the file system's open files cost it now (the memory figure).
struct Statistics : rpc::Operation<kBase + 5> {
    using Request = rpc::Empty;
    struct alignas(8) Reply {
        uint64_t open_files; // peropens alive
        uint64_t open_file_bytes; // the pages their cache holds
    };
};

// Changes the running file system's options (fsysopts NODE OPTIONS...):
// `options` replace the ones it has, as its command line after the
// program's name would give them. not_supported if it has none to change,
// invalid_argument if it does not take these.
struct SetOptions : rpc::Operation<kBase + 6> {
    struct alignas(8) Request {
        rpc::Text<kMaxOptions> options;
    };
    using Reply = rpc::Empty;
};

// Sent by a translator its parent started, to the bootstrap port it was
// given: here is my control port. The parent attaches it to the node.
struct Startup : rpc::Operation<kBase + 4, 1> {
    using Request = rpc::Empty;
    using Reply = rpc::Empty;
};

} // namespace fsys
