// tmpfs's nodes: files, directories and symbolic links kept in memory
// (lib/heap). Sizes are bounded: a file up to kMaxFileSize, a directory
// up to kMaxEntries names.
#pragma once

#include <freestanding/result.h>
#include <fs_server/node.h>

namespace tmpfs {

constexpr uint64_t kMaxFileSize = 64ull << 20;
constexpr uint32_t kMaxEntries = 1u << 16;

// A new root directory owned by `owner` with permissions `mode`.
Result<fs::Node*> make_root(const fs::Credentials& owner, uint32_t mode);

class MemoryFile final : public fs::Node {
public:
    Error read(uint64_t offset, uint8_t* out, uint32_t& amount) override;
    Error write(uint64_t offset, const uint8_t* data, uint32_t amount) override;
    Error set_size(uint64_t size) override;

private:
    void destroy() override;
    Error reserve(uint64_t size);

    uint8_t* m_data = nullptr;
    uint64_t m_capacity = 0;
};

class MemoryDirectory final : public fs::Node {
public:
    // In `parent` (null: a root). A directory does not reference its parent
    // (that would be a cycle); one that is removed forgets it instead, and
    // its ".." is itself from then on.
    explicit MemoryDirectory(MemoryDirectory* parent)
        : m_parent(parent)
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

private:
    struct Entry {
        char* name; // from the heap
        fs::Node* node; // referenced
    };

    void destroy() override;
    int32_t index_of(const char* name) const;
    Error add(const char* name, fs::Node& node);

    MemoryDirectory* m_parent;
    Entry* m_entries = nullptr;
    uint32_t m_count = 0;
    uint32_t m_capacity = 0;
};

class MemorySymlink final : public fs::Node {
public:
    const char* target() const override { return m_target; }
    Error set_target(const char* target);

private:
    void destroy() override;
    char* m_target = nullptr;
};

} // namespace tmpfs
