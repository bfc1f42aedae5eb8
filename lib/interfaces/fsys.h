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
struct GetRoot {
    static constexpr uint32_t kId = kBase + 1;
    static constexpr uint32_t kRequestRights = 0;
    static constexpr uint32_t kReplyRights = 1;
    struct alignas(8) Request {
        fs::Credentials who;
        uint32_t flags;
        uint32_t reserved;
    };
    struct alignas(8) Reply {
        uint64_t unused;
    };
};

// The file system's options, as a command line would give them.
struct GetOptions {
    static constexpr uint32_t kId = kBase + 2;
    static constexpr uint32_t kRequestRights = 0;
    static constexpr uint32_t kReplyRights = 0;
    struct alignas(8) Request {
        uint64_t unused;
    };
    struct alignas(8) Reply {
        rpc::Text<kMaxOptions> options;
    };
};

// Ends the file system: refused (busy) while files are open unless `force`.
struct GoAway {
    static constexpr uint32_t kId = kBase + 3;
    static constexpr uint32_t kRequestRights = 0;
    static constexpr uint32_t kReplyRights = 0;
    struct alignas(8) Request {
        uint32_t force;
        uint32_t reserved;
    };
    struct alignas(8) Reply {
        uint64_t unused;
    };
};

// Sent by a translator its parent started, to the bootstrap port it was
// given: here is my control port. The parent attaches it to the node.
struct Startup {
    static constexpr uint32_t kId = kBase + 4;
    static constexpr uint32_t kRequestRights = 1; // the control port
    static constexpr uint32_t kReplyRights = 0;
    struct alignas(8) Request {
        uint64_t unused;
    };
    struct alignas(8) Reply {
        uint64_t unused;
    };
};

} // namespace fsys
