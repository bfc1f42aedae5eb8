// tmpfs's nodes: files, directories and symbolic links kept in memory
// (lib/heap; a file's bytes in pages of its own, file_pages.h). The room
// they take is counted in the file system's Space (space.h): kNodeBytes a
// node, kEntryBytes and its name's length a directory entry, the length
// of a link's target, 4 KiB a page of file data; past its limit a new node
// or a write gets no_space. A directory holds up to kMaxEntries names; a
// file may use all of the space.
#pragma once

#include "file_pages.h"
#include "space.h"

#include <freestanding/result.h>
#include <fs_server/node.h>

namespace tmpfs {

constexpr uint32_t kMaxEntries = 1u << 16;
constexpr uint64_t kNodeBytes = 256;
constexpr uint64_t kEntryBytes = 32;
constexpr uint64_t kMaxFileSize = FilePages::kMaxPages * FilePages::kPageSize;

// A new root directory owned by `owner` with permissions `mode`, in a
// space of `limit` bytes (the root's own bytes included) on a machine of
// `ram` bytes (0: unknown; see Space).
Result<fs::Node*> make_root(
    const fs::Credentials& owner, uint32_t mode, uint64_t limit = Space::kUnlimited, uint64_t ram = 0);

// What every tmpfs node has: the space it counts in (referenced).
class MemoryNode : public fs::Node {
public:
    Space& space() const { return *m_space; }
    // no_space for anyone but root once only root's reserve is left.
    Error check_room(const fs::Credentials& who) const override
    {
        return who.is_root() || space().beyond_reserve() ? Error::none : Error::no_space;
    }

protected:
    explicit MemoryNode(Space& space)
        : m_space(&space)
    {
        space.reference();
    }
    // Gives back the node's own bytes and drops its reference to the space.
    ~MemoryNode() override;

private:
    Space* m_space;
};

class MemoryFile final : public MemoryNode {
public:
    explicit MemoryFile(Space& space)
        : MemoryNode(space)
    {
    }

    Error read(uint64_t offset, uint8_t* out, uint32_t& amount) override;
    Error write(uint64_t offset, const uint8_t* data, uint32_t amount) override;
    Error set_size(uint64_t size) override;

private:
    void destroy() override;

    FilePages m_pages;
};

class MemoryDirectory final : public MemoryNode {
public:
    // In `parent` (null: a root). A directory does not reference its parent
    // (that would be a cycle); one that is removed forgets it instead, and
    // its ".." is itself from then on.
    MemoryDirectory(Space& space, MemoryDirectory* parent)
        : MemoryNode(space)
        , m_parent(parent)
    {
    }

    Error lookup(const char* name, fs::Node*& found) override;
    Error entry_at(uint64_t index, fs::DirectoryEntry& entry) override;
    Error create(
        const char* name, uint32_t mode, const fs::Credentials& owner, const char* target, fs::Node*& made) override;
    Error link(const char* name, fs::Node& node) override;
    Error remove(const char* name) override;
    Error rename(const char* name, fs::Node& to_directory, const char* to_name) override;
    fs::Node& parent() override { return m_parent ? *m_parent : *this; }
    // A root's options (fsys SetOptions, fsysopts): "--size=N" or "size=N"
    // (space.h's parse_size) changes the space's limit, live.
    Error apply_options(const char* options) override;
    bool describe_options(char* out, size_t size) const override;

private:
    struct Entry {
        char* name; // from the heap
        fs::Node* node; // referenced
    };

    void destroy() override;
    int32_t index_of(const char* name) const;
    Error add(const char* name, fs::Node& node);
    // Drops the entry at `index` (its name and its bytes; not its node's reference).
    void drop_entry(uint32_t index);

    MemoryDirectory* m_parent;
    Entry* m_entries = nullptr;
    uint32_t m_count = 0;
    uint32_t m_capacity = 0;
};

class MemorySymlink final : public MemoryNode {
public:
    explicit MemorySymlink(Space& space)
        : MemoryNode(space)
    {
    }

    const char* target() const override { return m_target; }
    Error set_target(const char* target);

private:
    void destroy() override;
    char* m_target = nullptr;
};

} // namespace tmpfs
