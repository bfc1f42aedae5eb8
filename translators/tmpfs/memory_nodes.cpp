#include "memory_nodes.h"
#include <freestanding/text.h>
#include <fs_server/clock.h>
#include <heap/heap.h>

namespace tmpfs {
namespace {

uint64_t g_next_inode = 1;

// Fresh attributes for a node of `mode` owned by `owner`.
void initialise(fs::Node& node, uint32_t mode, const fs::Credentials& owner)
{
    uint64_t now = fs::now_ns();
    node.stat = {};
    node.stat.inode = __atomic_fetch_add(&g_next_inode, 1, __ATOMIC_RELAXED);
    node.stat.mode = mode;
    node.stat.links = fs::is_directory(mode) ? 2 : 1;
    node.stat.uid = owner.uid;
    node.stat.gid = owner.gid;
    node.stat.block_size = 4096;
    node.stat.access_ns = node.stat.modify_ns = node.stat.change_ns = now;
}

void copy_bytes(uint8_t* to, const uint8_t* from, uint64_t size)
{
    if (size)
        __builtin_memcpy(to, from, size);
}

} // namespace

Result<fs::Node*> make_root(const fs::Credentials& owner, uint32_t mode)
{
    MemoryDirectory* root = TRY(heap::create<MemoryDirectory>(nullptr));
    initialise(*root, fs::kDirectory | (mode & fs::kPermissionMask), owner);
    return static_cast<fs::Node*>(root);
}

// ---- files ----

Error MemoryFile::reserve(uint64_t size)
{
    if (size > kMaxFileSize)
        return Error::no_space;
    if (size <= m_capacity)
        return Error::none;
    uint64_t capacity = m_capacity ? m_capacity : 64;
    while (capacity < size)
        capacity *= 2;
    Result<void*> grown = heap::allocate(capacity);
    if (!grown.ok())
        return grown.error();
    auto* data = static_cast<uint8_t*>(grown.value());
    copy_bytes(data, m_data, stat.size);
    heap::free(m_data);
    m_data = data;
    m_capacity = capacity;
    return Error::none;
}

Error MemoryFile::read(uint64_t offset, uint8_t* out, uint32_t& amount)
{
    if (offset >= stat.size) {
        amount = 0;
        return Error::none;
    }
    if (amount > stat.size - offset)
        amount = uint32_t(stat.size - offset);
    copy_bytes(out, m_data + offset, amount);
    return Error::none;
}

Error MemoryFile::write(uint64_t offset, const uint8_t* data, uint32_t amount)
{
    if (offset > kMaxFileSize || amount > kMaxFileSize - offset)
        return Error::no_space;
    uint64_t end = offset + amount;
    TRY_STATUS(reserve(end));
    if (offset > stat.size)
        __builtin_memset(m_data + stat.size, 0, offset - stat.size); // a hole reads as zeros
    copy_bytes(m_data + offset, data, amount);
    if (end > stat.size)
        stat.size = end;
    return Error::none;
}

Error MemoryFile::set_size(uint64_t size)
{
    TRY_STATUS(reserve(size));
    if (size > stat.size)
        __builtin_memset(m_data + stat.size, 0, size - stat.size);
    stat.size = size;
    return Error::none;
}

void MemoryFile::destroy()
{
    heap::free(m_data);
    heap::destroy(this);
}

// ---- directories ----

int32_t MemoryDirectory::index_of(const char* name) const
{
    for (uint32_t i = 0; i < m_count; i++) {
        if (freestanding::same_text(m_entries[i].name, name))
            return int32_t(i);
    }
    return -1;
}

Error MemoryDirectory::lookup(const char* name, fs::Node*& found)
{
    int32_t index = index_of(name);
    if (index < 0)
        return Error::not_found;
    found = m_entries[index].node;
    found->reference();
    return Error::none;
}

Error MemoryDirectory::entry_at(uint64_t index, fs::DirectoryEntry& entry)
{
    if (index >= m_count)
        return Error::not_found;
    const Entry& e = m_entries[index];
    entry.inode = e.node->stat.inode;
    entry.type = e.node->stat.mode & fs::kTypeMask;
    entry.name.set(e.name);
    return Error::none;
}

Error MemoryDirectory::add(const char* name, fs::Node& node)
{
    if (index_of(name) >= 0)
        return Error::already_exists;
    if (m_count == kMaxEntries)
        return Error::no_space;
    if (m_count == m_capacity) {
        uint32_t capacity = m_capacity ? m_capacity * 2 : 8;
        auto* entries = static_cast<Entry*>(TRY(heap::allocate(sizeof(Entry) * capacity)));
        for (uint32_t i = 0; i < m_count; i++)
            entries[i] = m_entries[i];
        heap::free(m_entries);
        m_entries = entries;
        m_capacity = capacity;
    }
    char* copy = TRY(heap::copy_text(name));
    node.reference();
    m_entries[m_count++] = { copy, &node };
    return Error::none;
}

Error MemoryDirectory::create(
    const char* name, uint32_t mode, const fs::Credentials& owner, const char* target, fs::Node*& made)
{
    if (index_of(name) >= 0)
        return Error::already_exists;
    fs::Node* node = nullptr;
    if (fs::is_directory(mode)) {
        node = TRY(heap::create<MemoryDirectory>(this));
    } else if (fs::is_symlink(mode)) {
        MemorySymlink* link = TRY(heap::create<MemorySymlink>());
        if (Error e = link->set_target(target ? target : ""); e != Error::none) {
            heap::destroy(link);
            return e;
        }
        node = link;
    } else if (fs::is_regular(mode)) {
        node = TRY(heap::create<MemoryFile>());
    } else {
        return Error::not_supported;
    }
    initialise(*node, mode, owner);
    if (Error e = add(name, *node); e != Error::none) {
        node->release();
        return e;
    }
    if (fs::is_directory(mode))
        stat.links++; // its ".."
    made = node; // the reference create() made is the caller's; the entry holds its own
    return Error::none;
}

Error MemoryDirectory::link(const char* name, fs::Node& node)
{
    if (fs::is_directory(node.stat.mode))
        return Error::is_directory;
    TRY_STATUS(add(name, node));
    node.stat.links++;
    return Error::none;
}

Error MemoryDirectory::remove(const char* name)
{
    int32_t index = index_of(name);
    if (index < 0)
        return Error::not_found;
    fs::Node* node = m_entries[index].node;
    if (fs::is_directory(node->stat.mode)) {
        auto* directory = static_cast<MemoryDirectory*>(node);
        if (directory->m_count)
            return Error::not_empty;
        directory->m_parent = nullptr;
        stat.links--;
    }
    node->stat.links--;
    heap::free(m_entries[index].name);
    m_entries[index] = m_entries[--m_count];
    node->release();
    return Error::none;
}

Error MemoryDirectory::rename(const char* name, fs::Node& to_directory, const char* to_name)
{
    int32_t index = index_of(name);
    if (index < 0)
        return Error::not_found;
    auto& target = static_cast<MemoryDirectory&>(to_directory); // the library checked: ours, a directory
    fs::Node* node = m_entries[index].node;
    if (&target == this && freestanding::same_text(name, to_name))
        return Error::none;
    if (target.index_of(to_name) >= 0)
        TRY_STATUS(target.remove(to_name));
    TRY_STATUS(target.add(to_name, *node)); // the new entry's own reference
    index = index_of(name); // (the same directory may have moved its entries)
    heap::free(m_entries[index].name);
    m_entries[index] = m_entries[--m_count];
    node->release();
    if (fs::is_directory(node->stat.mode)) {
        static_cast<MemoryDirectory*>(node)->m_parent = &target;
        stat.links--;
        target.stat.links++;
    }
    return Error::none;
}

void MemoryDirectory::destroy()
{
    for (uint32_t i = 0; i < m_count; i++) {
        heap::free(m_entries[i].name);
        if (fs::is_directory(m_entries[i].node->stat.mode))
            static_cast<MemoryDirectory*>(m_entries[i].node)->m_parent = nullptr;
        m_entries[i].node->release();
    }
    heap::free(m_entries);
    heap::destroy(this);
}

// ---- symbolic links ----

Error MemorySymlink::set_target(const char* target)
{
    char* copy = TRY(heap::copy_text(target));
    heap::free(m_target);
    m_target = copy;
    stat.size = freestanding::text_length(copy);
    return Error::none;
}

void MemorySymlink::destroy()
{
    heap::free(m_target);
    heap::destroy(this);
}

} // namespace tmpfs
