// The fs interface: names in directories, and the attributes of nodes.
// Sent to the send right of an open node (a peropen), like io.
//
// Path resolution happens in the client: dir_lookup resolves as much of a
// path as this file system holds. When the path goes on past a node where
// a translator sits, the answer is "retry": the translator's root and the
// rest of the path, which the client looks up there. An absolute symbolic
// link answers "retry from the root" with the new path.
#pragma once

#include <interfaces/stat.h>
#include <rpc/wire.h>

namespace fs {

constexpr uint32_t kBase = 20000;
constexpr uint32_t kMaxPath = 1024;
constexpr uint32_t kMaxName = 255;

// Open flags (dir_lookup): the access wanted, and what to do.
enum OpenFlag : uint32_t {
    kRead = 1u << 0,
    kWrite = 1u << 1,
    kExecute = 1u << 2,
    kCreate = 1u << 3, // create the last component if it is missing (with `mode`)
    kExclusive = 1u << 4, // with kCreate: fail if it exists
    kTruncate = 1u << 5,
    kAppend = 1u << 6, // every write goes to the end
    kDirectoryOnly = 1u << 7, // fail unless it is a directory
    kNoTranslator = 1u << 8, // open the node a translator sits on, not the translator
    kNoFollow = 1u << 9, // do not follow a symbolic link in the last component
    kNonBlocking = 1u << 10, // a read or write that would wait fails with would_block instead
    kAccessMask = kRead | kWrite | kExecute,
    kPerOpenFlags = kAccessMask | kAppend | kNonBlocking, // what an open file keeps of them
};

enum class LookupResult : uint32_t {
    done = 0, // the right is the node opened
    retry = 1, // look `rest` up at the right (a translator's root)
    retry_from_root = 2, // look `rest` up from the client's root (no right)
};

struct Lookup : rpc::Operation<kBase + 1, 0, 1> {
    struct alignas(8) Request {
        uint32_t flags; // OpenFlag
        uint32_t mode; // permissions of a node kCreate makes
        rpc::Text<kMaxPath> path; // relative to the directory the request is sent to
    };
    struct alignas(8) Reply {
        LookupResult result;
        uint32_t reserved;
        rpc::Text<kMaxPath> rest;
    };
};

// One entry of a directory listing.
struct alignas(8) DirectoryEntry {
    uint64_t inode;
    uint32_t type; // Mode's type bits
    uint32_t reserved;
    rpc::Text<kMaxName + 1> name;
};

// Entries from index `first` on (as many as fit): count 0 at the end.
struct ReadDirectory : rpc::Operation<kBase + 2> {
    static constexpr uint32_t kMaxEntries = 16;
    struct alignas(8) Request {
        uint64_t first;
    };
    struct alignas(8) Reply {
        uint32_t count;
        uint32_t reserved;
        DirectoryEntry entries[kMaxEntries];
        uint32_t wire_size() const
        {
            return uint32_t(reinterpret_cast<const uint8_t*>(&entries[count < kMaxEntries ? count : kMaxEntries])
                - reinterpret_cast<const uint8_t*>(this));
        }
        bool valid() const
        {
            if (count > kMaxEntries)
                return false;
            for (uint32_t i = 0; i < count; i++) {
                if (!entries[i].name.valid())
                    return false;
            }
            return true;
        }
    };
};

// A name in the directory the request is sent to, and a mode for what is made.
struct alignas(8) NameRequest {
    uint32_t mode;
    uint32_t reserved;
    rpc::Text<kMaxName + 1> name;
};

// Operations on one name of a directory.
template <uint32_t Number> struct NameOperation : rpc::Operation<kBase + Number> {
    using Request = NameRequest;
    using Reply = rpc::Empty;
};

struct MakeDirectory : NameOperation<3> { };
struct RemoveDirectory : NameOperation<4> { };
struct Unlink : NameOperation<5> { };

// A symbolic link `name` in the directory, pointing at `target`.
struct Symlink : rpc::Operation<kBase + 6> {
    struct alignas(8) Request {
        rpc::Text<kMaxName + 1> name;
        rpc::Text<kMaxPath> target;
    };
    using Reply = rpc::Empty;
};

// Moves `name` of this directory to `to_name` in the directory `to` (a
// right of the same file system) — or, for Link, makes a second name.
struct Rename : rpc::Operation<kBase + 7, 1> {
    struct alignas(8) Request {
        rpc::Text<kMaxName + 1> name;
        rpc::Text<kMaxName + 1> to_name;
    };
    using Reply = rpc::Empty;
};

struct Link : rpc::Operation<kBase + 8, 1> {
    struct alignas(8) Request {
        rpc::Text<kMaxName + 1> to_name;
    };
    using Reply = rpc::Empty;
};

// Attribute changes of the node the request is sent to.
enum class Attribute : uint32_t { mode = 0, owner = 1, times = 2, size = 3 };

struct SetAttribute : rpc::Operation<kBase + 9> {
    struct alignas(8) Request {
        Attribute which;
        uint32_t mode; // mode: the permission bits
        uint32_t uid; // owner
        uint32_t gid;
        uint64_t access_ns; // times
        uint64_t modify_ns;
        uint64_t size; // size (truncate or extend)
    };
    using Reply = rpc::Empty;
};

// The target of a symbolic link.
struct ReadLink : rpc::Operation<kBase + 10> {
    using Request = rpc::Empty;
    struct alignas(8) Reply {
        rpc::Text<kMaxPath> target;
    };
};

// ---- translators ----

enum TranslatorFlag : uint32_t {
    kSetActive = 1u << 0, // attach the control port sent (null: detach the active one)
    kSetPassive = 1u << 1, // store `passive` as the command to start on first use ("": none)
    kKeepActive = 1u << 2, // with kSetActive: fail (busy) if an active translator is attached already
};

// Attaches a translator to the node the request is sent to (opened with
// kNoTranslator). Only its owner (or root) may.
struct SetTranslator : rpc::Operation<kBase + 11, 1> {
    struct alignas(8) Request {
        uint32_t flags; // TranslatorFlag
        uint32_t reserved;
        rpc::Text<kMaxPath> passive; // the command line, words separated by spaces
    };
    using Reply = rpc::Empty;
};

// The passive translator's command line ("" if none).
struct GetTranslator : rpc::Operation<kBase + 12> {
    using Request = rpc::Empty;
    struct alignas(8) Reply {
        rpc::Text<kMaxPath> passive;
    };
};

// The active translator's control port (its owner or root only): for fsysopts.
struct GetTranslatorControl : rpc::Operation<kBase + 13, 0, 1> {
    using Request = rpc::Empty;
    using Reply = rpc::Empty;
};

} // namespace fs
