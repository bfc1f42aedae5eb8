// The file-system library: the fs and io interfaces served once, for any
// tree of fs::Node a translator supplies (tmpfs, later ext2fs, procfs).
//
// An open file is a *peropen* (node, offset, open flags, credentials),
// named by the payload of the send right `open` hands out: copies of that
// right — dup, fork — share it, offset included. It lives until the last
// such right dies (ports::Receiver::payload_released). One port serves the
// whole file system; a right without a payload opens nothing.
//
// A node may answer a read or write with would_block: the request is
// parked (fs_server/parked.h) until the node calls changed(), or fails at once
// for a kNonBlocking peropen. Nodes hear of their peropens (opened, closed).
//
// Permissions: each peropen carries its opener's credentials; a non-root
// user gets what the owner, group and other bits allow, root everything
// but executing a file with no execute bit.
//
// The class is defined in file_system_*.cpp, one concern each: io (the io
// operations), lookup (path walking), directories, rename_link,
// attributes, translators (active ones), passive (starting them),
// permissions (credentials, mode bits), peropens (their lifetime);
// file_system.cpp makes it and dispatches.
//
// Several workers may serve it (ports::Server): one lock (lock()) guards
// the whole tree and the file system's tables; every request, release and
// notification holds it, except around a call out to a port a client
// controls — asking a translator for its root, starting a passive
// translator, asking auth about a rendezvous a client made — so a
// translator that never answers delays only the lookups through it.
// What such a call needs across it is referenced first (the node), and
// looked at again after (the translator may have changed meanwhile).
#pragma once

#include <fs_server/node.h>
#include <fs_server/parked.h>
#include <heap/heap.h>
#include <interfaces/auth.h>
#include <interfaces/fs.h>
#include <interfaces/fsys.h>
#include <interfaces/io.h>
#include <ports/server.h>
#include <rpc/server.h>
#include <runtime/lock.h>

namespace exec {
struct Descriptors;
}

namespace fs {

// An open file: 16 bytes, as there is one per open file. The node's
// address and the offset take 48 bits each (canonical addresses; offsets
// up to kMaxOffset), the open flags and the credentials' index the upper
// 16 bits of each word.
class PerOpen {
public:
    static constexpr uint64_t kMaxOffset = (1ull << 48) - 1;

    PerOpen(Node& node, uint32_t flags, uint32_t credentials)
        : m_node_and_flags((reinterpret_cast<uint64_t>(&node) & kLow48) | uint64_t(flags & 0xffff) << 48)
        , m_offset_and_credentials(uint64_t(credentials & 0xffff) << 48)
    {
    }

    Node* node() const { return reinterpret_cast<Node*>(int64_t(m_node_and_flags << 16) >> 16); } // referenced
    uint32_t flags() const { return uint32_t(m_node_and_flags >> 48); } // OpenFlag: the access granted, kAppend
    uint64_t offset() const { return m_offset_and_credentials & kLow48; }
    uint32_t credentials() const
    {
        return uint32_t(m_offset_and_credentials >> 48);
    } // index in the file system's table

    // out_of_range past kMaxOffset.
    Error set_offset(uint64_t offset)
    {
        if (offset > kMaxOffset)
            return Error::out_of_range;
        m_offset_and_credentials = (m_offset_and_credentials & ~kLow48) | offset;
        return Error::none;
    }

private:
    static constexpr uint64_t kLow48 = (1ull << 48) - 1;

    uint64_t m_node_and_flags;
    uint64_t m_offset_and_credentials;
};

static_assert(sizeof(PerOpen) == 16, "a peropen is 16 bytes: one per open file");

class FileSystem final : public ports::Receiver, public Watcher, public Attempts {
public:
    static constexpr uint32_t kMaxCredentials = 256;
    static constexpr uint32_t kMaxSymlinks = 8;
    static constexpr uint32_t kMaxTranslators = 64;
    // How long a lookup waits for a translator's root before giving up on it.
    static constexpr uint64_t kTranslatorTimeoutNs = 5'000'000'000ull;

    // Serves the tree under `root` (which it references) through a port of `server`.
    FileSystem(ports::Server& server, Node& root);
    ~FileSystem();
    FileSystem(const FileSystem&) = delete;
    FileSystem& operator=(const FileSystem&) = delete;

    Error start();
    mach::PortName port() const { return m_port; }
    // The auth server to ask who a client is (io Reauthenticate): a send
    // right the file system takes over. Without one, reauthenticating is not_supported.
    void set_auth(mach::PortName auth) { m_auth = auth; }
    // The proc handle under which the passive translators this file system
    // starts are registered as children of its process, so that ps lists
    // them and kill reaches them: a send right the file system takes over.
    // Without one they are not known to proc.
    void set_proc(mach::PortName proc) { m_proc = proc; }
    // The root directory of the process serving the file system (a send
    // right it takes over): where the programs of its passive translators
    // are found, and their root, reauthenticated as their owner. Without
    // one (the root file system) its own root is both.
    void set_root_directory(mach::PortName root) { m_root_directory = root; }
    const Node& root() const { return m_root; }
    Node& root() { return m_root; }
    // The lock over the tree: held by whoever serves a request of this
    // file system (its control port's, too).
    runtime::Lock& lock() { return m_lock; }

    // A send right to a new peropen of the root, for `who` with `flags`
    // (what a translator's parent, or a test, starts from).
    Result<mach::PortName> open_root(const Credentials& who, uint32_t flags);

    // Peropens alive now, and the bytes their cache holds (the memory figure).
    uint64_t peropens() const { return __atomic_load_n(&m_peropen_count, __ATOMIC_RELAXED); }
    uint64_t peropen_bytes() const { return m_peropens.stats().bytes; }
    // Requests parked on nodes now.
    uint32_t parked() const { return m_parked.count(); }
    static_assert(kMaxCredentials <= ParkedRequests::kCredentialSlots, "parked requests are counted per credentials");

    // ---- ports::Receiver ----
    bool serve(mach::MessageHeader& request, rpc::ReplyBuffer& reply) override;
    void payload_released(uint64_t payload) override;
    void dead_name(mach::PortName name) override;

    // ---- Watcher: a node with parked requests changed ----
    void changed(Node& node) override;

    // ---- Attempts: a read or write, first or again (would_block: park it) ----
    Error attempt(PerOpen& peropen, const io::Read::Request& request, io::Read::Reply& reply) override;
    Error attempt(PerOpen& peropen, const io::Write::Request& request, io::Write::Reply& reply) override;
    Error attempt(PerOpen& peropen, const io::Select::Request& request, io::Select::Reply& reply) override;

    // ---- the operations (rpc::Interface calls these) ----
    Error serve(io::Read, const rpc::Incoming<io::Read>&, rpc::Outgoing<io::Read>&);
    Error serve(io::Write, const rpc::Incoming<io::Write>&, rpc::Outgoing<io::Write>&);
    Error serve(io::Select, const rpc::Incoming<io::Select>&, rpc::Outgoing<io::Select>&);
    Error serve(io::Seek, const rpc::Incoming<io::Seek>&, rpc::Outgoing<io::Seek>&);
    Error serve(io::GetStat, const rpc::Incoming<io::GetStat>&, rpc::Outgoing<io::GetStat>&);
    Error serve(io::Duplicate, const rpc::Incoming<io::Duplicate>&, rpc::Outgoing<io::Duplicate>&);
    Error serve(io::Reauthenticate, const rpc::Incoming<io::Reauthenticate>&, rpc::Outgoing<io::Reauthenticate>&);
    Error serve(Lookup, const rpc::Incoming<Lookup>&, rpc::Outgoing<Lookup>&);
    Error serve(ReadDirectory, const rpc::Incoming<ReadDirectory>&, rpc::Outgoing<ReadDirectory>&);
    Error serve(MakeDirectory, const rpc::Incoming<MakeDirectory>&, rpc::Outgoing<MakeDirectory>&);
    Error serve(RemoveDirectory, const rpc::Incoming<RemoveDirectory>&, rpc::Outgoing<RemoveDirectory>&);
    Error serve(Unlink, const rpc::Incoming<Unlink>&, rpc::Outgoing<Unlink>&);
    Error serve(Symlink, const rpc::Incoming<Symlink>&, rpc::Outgoing<Symlink>&);
    Error serve(ReadLink, const rpc::Incoming<ReadLink>&, rpc::Outgoing<ReadLink>&);
    Error serve(SetAttribute, const rpc::Incoming<SetAttribute>&, rpc::Outgoing<SetAttribute>&);
    Error serve(Rename, const rpc::Incoming<Rename>&, rpc::Outgoing<Rename>&);
    Error serve(Link, const rpc::Incoming<Link>&, rpc::Outgoing<Link>&);
    Error serve(SetTranslator, const rpc::Incoming<SetTranslator>&, rpc::Outgoing<SetTranslator>&);
    Error serve(GetTranslator, const rpc::Incoming<GetTranslator>&, rpc::Outgoing<GetTranslator>&);
    Error serve(GetTranslatorControl, const rpc::Incoming<GetTranslatorControl>&, rpc::Outgoing<GetTranslatorControl>&);

private:
    struct Walk;

    // The peropen a request's payload names (null for a plain right).
    PerOpen* peropen_of(uint64_t payload) const;
    // The credentials `peropen` was opened with.
    const Credentials& credentials_of(const PerOpen& peropen) const { return m_credentials[peropen.credentials()]; }
    // The index of `who` in the credentials table (added if new); no_space when full.
    Result<uint32_t> intern(const Credentials& who);
    // A send right to a new peropen of `node` (referenced by the peropen).
    Result<mach::PortName> open_node(Node& node, uint32_t flags, uint32_t credentials);
    // Walks the request's path from `start` as far as this file system
    // goes: to the node named, a translator's root, or a retry from the root.
    Error walk(const PerOpen& start, const Lookup::Request& request, Walk& walk);
    // Opens the node a walk ended on, as the request asks (access, truncation).
    Error open_final(const PerOpen& start, const Lookup::Request& request, Walk& walk, rpc::Outgoing<Lookup>& out);
    // The directory of `peropen` and permission to change its names.
    Result<Node*> writable_directory(uint64_t payload);
    // The root of the translator on `node`, for `who` (retry there); a dead
    // translator is detached and answers not_found; one that does not
    // answer in kTranslatorTimeoutNs is detached too, and answers timed_out
    // (the lock is let go meanwhile). A root that is a
    // symbolic link gives no right (null) and its target in `answer`.
    Result<mach::PortName> translator_root(
        Node& node, uint32_t credentials, uint32_t flags, fsys::GetRoot::Reply& answer);
    // Makes `control` (a send right taken over) the active translator of `node`.
    Error attach(Node& node, mach::PortName control);
    // Starts the passive translator of `node` (the entry `name` of
    // `directory`, both null if unknown: then it has no log) as its
    // owner, and attaches it (file_system_passive.cpp).
    Error start_passive(Node* directory, const char* name, Node& node);
    // The node at `path` from `from` (referenced), if `owner` may search
    // the directories on the way and read and execute it. No symbolic
    // links or translators on the way.
    Result<Node*> find_program(Node& from, const char* path, const Credentials& owner);
    // A root directory for the translator of the owner whose credentials
    // are `credentials` (and auth handle `handle`, which may be null).
    Result<mach::PortName> root_for_owner(uint32_t credentials, mach::PortName handle);
    // The bytes of the program at `path` (heap), as `owner` may read them
    // from `root` (a right root_for_owner made).
    Result<uint8_t*> program_for_owner(const char* path, const Credentials& owner, mach::PortName root, size_t& size);
    // A translator's standard output and error: `.NAME.log` in `directory`
    // if it is the owner's (see file_system_passive.cpp), else closed.
    Error open_log(Node* directory, const char* name, uint32_t credentials, exec::Descriptors& descriptors);
    // The peropen behind `right`, a right of this file system a client sent
    // back (cross_device if it is another's).
    Result<PerOpen*> peropen_sent(const rpc::Right& right);
    // Drops the active translator of `node`, if it has one.
    void detach(Node& node);
    // The translators it started, its children with proc (file_system_children.cpp):
    // `pid` is one more; reap_children reaps those that ended (true if
    // any); translator_ended does so after one died, waiting a moment for
    // proc to hear of it.
    void remember_child(int32_t pid);
    bool reap_children();
    void translator_ended();
    // Parks a request its node answered would_block to (unless the peropen is non-blocking).
    template <typename Op> Error park(PerOpen& peropen, const rpc::Incoming<Op>& in);

    ports::Server& m_server;
    runtime::Lock m_lock;
    Node& m_root;
    mach::PortName m_port = mach::kNullName;
    mach::PortName m_auth = mach::kNullName;
    mach::PortName m_proc = mach::kNullName;
    mach::PortName m_root_directory = mach::kNullName;
    heap::Cache<PerOpen> m_peropens { "fs.peropen" };
    uint64_t m_peropen_count = 0;
    Credentials m_credentials[kMaxCredentials] = {};
    uint32_t m_credential_count = 0;
    Node* m_translated[kMaxTranslators] = {}; // nodes with an active translator (referenced)
    uint32_t m_translated_count = 0;
    int32_t m_children[kMaxTranslators] = {}; // pids of the translators it started, not yet reaped
    uint32_t m_child_count = 0;
    ParkedRequests m_parked { m_server, *this };
};

// Whether `who` may access a node with `stat` for `want` (kRead, kWrite, kExecute bits).
bool allowed(const Stat& stat, const Credentials& who, uint32_t want);

// The credentials of a node's owner (who its translator runs as).
inline Credentials owner_of(const Stat& stat)
{
    Credentials owner {};
    owner.uid = stat.uid;
    owner.gid = stat.gid;
    return owner;
}

// Whether `who`, who may write `directory`, may also remove (unlink,
// rmdir, rename away or replace) its entry for `node`: in a sticky
// directory (kSticky, as /tmp) only root, the directory's owner and the
// node's owner may.
bool may_remove(const Stat& directory, const Stat& node, const Credentials& who);

} // namespace fs
