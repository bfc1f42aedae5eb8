// The io interface: reading, writing and seeking an open file. Sent to the
// send right an open returned: its payload names the peropen (the offset,
// the open flags, the credentials) that copies of the right share.
#pragma once

#include <interfaces/stat.h>
#include <rpc/wire.h>

namespace io {

constexpr uint32_t kBase = 21000;
constexpr uint32_t kMaxTransfer = 8192; // bytes per read or write message

// At the peropen's offset (moved past what was read), or at `offset` when it is not kAtOffset.
constexpr uint64_t kAtOffset = ~0ull;

struct Read : rpc::Operation<kBase + 1> {
    struct alignas(8) Request {
        uint64_t offset; // kAtOffset: the peropen's
        uint32_t amount;
        uint32_t reserved;
    };
    struct alignas(8) Reply {
        rpc::Bytes<kMaxTransfer> data; // fewer than asked at the end of the file
        uint32_t wire_size() const { return data.end_within(this); }
        bool valid() const { return data.valid(); }
    };
};

struct Write : rpc::Operation<kBase + 2> {
    struct alignas(8) Request {
        uint64_t offset; // kAtOffset: the peropen's (the end, with append)
        rpc::Bytes<kMaxTransfer> data;
        uint32_t wire_size() const { return data.end_within(this); }
        bool valid() const { return data.valid(); }
    };
    struct alignas(8) Reply {
        uint64_t written;
    };
};

enum class Whence : uint32_t { set = 0, current = 1, end = 2 };

struct Seek : rpc::Operation<kBase + 3> {
    struct alignas(8) Request {
        int64_t offset;
        Whence whence;
        uint32_t reserved;
    };
    struct alignas(8) Reply {
        uint64_t offset;
    };
};

// What an open file is ready for (select and poll): a read or a write
// that would not wait.
enum Readiness : uint32_t {
    kReadable = 1u << 0, // data, or the end of the file
    kWritable = 1u << 1, // room, or an error (no reader left)
};

// Answers once the open file is ready for one of `wanted` (at once if it
// is), with what it is ready for; with kNow, at once in any case (ready
// may be 0: poll with a zero timeout). Files that never make a caller wait
// are always ready. A caller that stops waiting destroys its reply port:
// the parked request goes with it.
struct Select : rpc::Operation<kBase + 7> {
    static constexpr uint32_t kNow = 1;
    struct alignas(8) Request {
        uint32_t wanted; // Readiness bits
        uint32_t flags; // kNow
    };
    struct alignas(8) Reply {
        uint32_t ready; // Readiness bits, some of `wanted`
        uint32_t reserved;
    };
};

struct GetStat : rpc::Operation<kBase + 4> {
    using Request = rpc::Empty;
    struct alignas(8) Reply {
        fs::Stat stat;
    };
};

// Another peropen on the same node (its own offset), e.g. for dup of a
// file reopened by name; `flags` may only drop access the peropen has.
struct Duplicate : rpc::Operation<kBase + 5, 0, 1> {
    struct alignas(8) Request {
        uint32_t flags;
        uint32_t reserved;
    };
    using Reply = rpc::Empty;
};

// Another peropen on the same node (its own offset, the same open flags)
// for the user who vouched for the rendezvous port in the request (see
// lib/interfaces/auth.h): how a program proves who it is to a file
// system. The file system asks auth; permission_denied if auth does not
// know the port.
struct Reauthenticate : rpc::Operation<kBase + 6, 1, 1> {
    using Request = rpc::Empty;
    using Reply = rpc::Empty;
};

} // namespace io
