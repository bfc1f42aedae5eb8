// A node of a file system, as a translator supplies it to the file-system
// library (fs::FileSystem): attributes, reference counting, and the
// operations its kind has. An operation the node does not have answers
// not_supported (a file has no entries, a directory no bytes).
//
// The library checks permissions and open modes before it calls a node;
// a node only does the work. Ownership: nodes are reference counted;
// directory entries and peropens hold references, and the last release
// destroys the node.
#pragma once

#include <interfaces/fs.h>
#include <interfaces/io.h>
#include <interfaces/stat.h>
#include <mach/error.h>
#include <mach/port.h>
#include <stddef.h>
#include <stdint.h>

namespace mach {
struct MessageHeader;
}
namespace rpc {
struct ReplyBuffer;
}

namespace fs {

class Node;
struct ParkedEntry;

// The requests parked on a node, kept by the library (fs_server/parked.h).
struct ParkedQueue {
    ParkedEntry* first = nullptr; // oldest first
    ParkedEntry* last = nullptr;
    Node* next_pending = nullptr; // while the node waits for its turn to be tried again
    bool pending = false;
};

// Who waits on a node: the library, while requests the node answered
// would_block to are parked on it.
class Watcher {
public:
    // Something changed in `node`: a parked request may go on now.
    virtual void changed(Node& node) = 0;

protected:
    ~Watcher() = default;
};

class Node {
public:
    Stat stat {}; // kept up to date by the node (size, links) and the library (times, owner, mode)
    // The translator sitting on the node, kept by the library: the active
    // one's control port (a send right of the file system's), and the
    // passive one's command line (from lib/heap; null if none).
    mach::PortName active_translator = mach::kNullName;
    char* passive_translator = nullptr;
    // Told of changes while requests wait on the node (set by the library).
    Watcher* watcher = nullptr;
    ParkedQueue parked; // the library's

    void reference() { m_references++; }
    void release()
    {
        if (--m_references == 0)
            destroy();
    }

    // ---- opening ----
    // A peropen of the node was made with `flags` (OpenFlag: the access
    // granted, kAppend, kNonBlocking), or freed (its last right died).
    virtual void opened(uint32_t flags) { (void)flags; }
    virtual void closed(uint32_t flags) { (void)flags; }

    // ---- regular files (and fifos, devices) ----
    // Up to `amount` bytes at `offset` into `out`; `amount` becomes what was read.
    // read and write may answer would_block ("not now": an empty or full
    // pipe): the library then parks the request — or fails it, for a
    // kNonBlocking peropen — and tries it again, in arrival order, each
    // time the node calls changed().
    virtual Error read(uint64_t offset, uint8_t* out, uint32_t& amount);
    virtual Error write(uint64_t offset, const uint8_t* data, uint32_t amount);
    virtual Error set_size(uint64_t size);
    // What a read or a write would not wait for now (io::Readiness bits).
    // A node whose reads and writes never answer would_block is always ready.
    virtual uint32_t readiness() const { return io::kReadable | io::kWritable; }

    // ---- directories ----
    // The node called `name` here (referenced for the caller); not_found if none.
    // "." and ".." are the library's: a directory need not know them.
    virtual Error lookup(const char* name, Node*& found);
    // The entry at `index` (0, 1, ... in a stable order while nothing changes); not_found past the end.
    virtual Error entry_at(uint64_t index, DirectoryEntry& entry);
    // A new node `name` of the type in `mode` (a regular file, a directory,
    // or a symbolic link to `target`), owned by `owner`; referenced for the caller.
    virtual Error create(const char* name, uint32_t mode, const Credentials& owner, const char* target, Node*& made);
    // Makes `name` another name of `node` (not a directory).
    virtual Error link(const char* name, Node& node);
    // Removes the name (a directory must be empty: not_empty).
    virtual Error remove(const char* name);
    // Moves the entry `name` to `to_name` in `to_directory` (a directory of
    // the same file system), replacing what is there (the library checked
    // that it may: an empty directory for a directory, a non-directory for
    // the rest).
    virtual Error rename(const char* name, Node& to_directory, const char* to_name);
    // The directory that holds this one; a root answers itself. Not
    // referenced: valid while this node is (a directory holds its parent).
    virtual Node& parent();

    // ---- symbolic links ----
    virtual const char* target() const { return nullptr; }

    // ---- device interfaces ----
    // A request the fs and io interfaces do not know, sent to a peropen of
    // this node (a terminal's term interface, say): served here if the node
    // knows it (true), else it is not_supported.
    virtual bool serve_device(mach::MessageHeader& request, rpc::ReplyBuffer& reply)
    {
        (void)request;
        (void)reply;
        return false;
    }

    // ---- room ----
    // Whether `who` may make the file system take more room now (a write,
    // a new node); no_space when only what is kept for root is left (as
    // ext2 keeps 5% of its blocks). The library asks before it writes or
    // creates for anyone but root.
    virtual Error check_room(const Credentials& who) const
    {
        (void)who;
        return Error::none;
    }

    // ---- a translator's root ----
    // Applies new options (fsys SetOptions: the translator's command line
    // after its name); not_supported by default.
    virtual Error apply_options(const char* options)
    {
        (void)options;
        return Error::not_supported;
    }
    // The options in force (fsys GetOptions), NUL-terminated in the `size`
    // bytes at `out`; false (the default): the command line the translator
    // was given, or what SetOptions set last, is answered instead.
    virtual bool describe_options(char* out, size_t size) const
    {
        (void)out;
        (void)size;
        return false;
    }

protected:
    // Tells the watcher that requests parked on the node may go on (data
    // came, room was made, the other end closed).
    void changed()
    {
        if (watcher)
            watcher->changed(*this);
    }

    Node() = default;
    // Drops what the library kept in the node (the translator fields).
    virtual ~Node();
    // The last reference went: free the node.
    virtual void destroy() = 0;

private:
    uint32_t m_references = 1;
};

} // namespace fs
