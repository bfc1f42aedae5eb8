// The fsys interface: a file system's control port. Whoever holds it is
// trusted by the file system — its parent, or startup for the root — and
// may ask for the root as any user, change options, or make it go away.
#pragma once

#include <interfaces/stat.h>
#include <rpc/wire.h>

namespace fsys {

constexpr uint32_t kBase = 22000;
constexpr uint32_t kMaxOptions = 512;

// A right to the root directory, opened with `flags` (fs::OpenFlag) for `who`.
struct GetRoot : rpc::Operation<kBase + 1, 0, 1> {
    struct alignas(8) Request {
        fs::Credentials who;
        uint32_t flags;
        uint32_t reserved;
    };
    using Reply = rpc::Empty;
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

// Sent by a translator its parent started, to the bootstrap port it was
// given: here is my control port. The parent attaches it to the node.
struct Startup : rpc::Operation<kBase + 4, 1> {
    using Request = rpc::Empty;
    using Reply = rpc::Empty;
};

} // namespace fsys
