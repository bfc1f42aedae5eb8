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

Result<fs::Node*> make_root(const fs::Credentials& owner, uint32_t mode, uint64_t limit, uint64_t ram)
{
    Space* space = TRY(Space::create(limit, ram));
    Error taken = space->take(kNodeBytes);
    Result<MemoryDirectory*> root
        = taken == Error::none ? heap::create<MemoryDirectory>(*space, nullptr) : Result<MemoryDirectory*>(taken);
    if (taken == Error::none && !root.ok())
        space->give_back(kNodeBytes);
    space->release(); // the root holds it now (or nothing does)
    if (!root.ok())
        return root.error();
    initialise(*root.value(), fs::kDirectory | (mode & fs::kPermissionMask), owner);
    return static_cast<fs::Node*>(root.value());
}

MemoryNode::~MemoryNode()
{
    m_space->give_back(kNodeBytes);
    m_space->release();
}

// ---- files ----

Error MemoryFile::read(uint64_t offset, uint8_t* out, uint32_t& amount)
{
    if (offset >= stat.size) {
        amount = 0;
        return Error::none;
    }
    if (amount > stat.size - offset)
        amount = uint32_t(stat.size - offset);
    for (uint32_t done = 0; done < amount;) {
        uint64_t at = offset + done;
        uint64_t within = at % FilePages::kPageSize;
        uint32_t piece
            = uint32_t(FilePages::kPageSize - within < amount - done ? FilePages::kPageSize - within : amount - done);
        const uint8_t* page = m_pages.find(at / FilePages::kPageSize);
        if (page)
            copy_bytes(out + done, page + within, piece);
        else
            __builtin_memset(out + done, 0, piece); // a hole
        done += piece;
    }
    return Error::none;
}

Error MemoryFile::write(uint64_t offset, const uint8_t* data, uint32_t amount)
{
    if (offset > kMaxFileSize || amount > kMaxFileSize - offset)
        return Error::no_space;
    Error status = Error::none;
    uint32_t done = 0;
    while (done < amount) {
        uint64_t at = offset + done;
        uint64_t within = at % FilePages::kPageSize;
        uint32_t piece
            = uint32_t(FilePages::kPageSize - within < amount - done ? FilePages::kPageSize - within : amount - done);
        Result<uint8_t*> page = m_pages.make(at / FilePages::kPageSize, space());
        if (!page.ok()) {
            status = page.error();
            break;
        }
        copy_bytes(page.value() + within, data + done, piece);
        done += piece;
    }
    // What went in before the space ran out stays (the file grew that far).
    if (done && offset + done > stat.size)
        stat.size = offset + done;
    return status;
}

Error MemoryFile::set_size(uint64_t size)
{
    if (size > kMaxFileSize)
        return Error::no_space;
    if (size < stat.size) {
        // Whole pages past the end go back to the space; the rest of the
        // last page is zeroed, so that growing the file again shows zeros.
        m_pages.free_from((size + FilePages::kPageSize - 1) / FilePages::kPageSize, space());
        uint64_t within = size % FilePages::kPageSize;
        if (uint8_t* last = within ? m_pages.find(size / FilePages::kPageSize) : nullptr)
            __builtin_memset(last + within, 0, FilePages::kPageSize - within);
    }
    stat.size = size; // growing makes a hole: no page until written
    return Error::none;
}

void MemoryFile::destroy()
{
    m_pages.free_from(0, space());
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
    uint64_t bytes = kEntryBytes + freestanding::text_length(name);
    TRY_STATUS(space().take(bytes));
    if (m_count == m_capacity) {
        uint32_t capacity = m_capacity ? m_capacity * 2 : 8;
        Result<void*> grown = heap::allocate(sizeof(Entry) * capacity);
        if (!grown.ok()) {
            space().give_back(bytes);
            return grown.error();
        }
        auto* entries = static_cast<Entry*>(grown.value());
        for (uint32_t i = 0; i < m_count; i++)
            entries[i] = m_entries[i];
        heap::free(m_entries);
        m_entries = entries;
        m_capacity = capacity;
    }
    Result<char*> copy = heap::copy_text(name);
    if (!copy.ok()) {
        space().give_back(bytes);
        return copy.error();
    }
    node.reference();
    m_entries[m_count++] = { copy.value(), &node };
    return Error::none;
}

void MemoryDirectory::drop_entry(uint32_t index)
{
    space().give_back(kEntryBytes + freestanding::text_length(m_entries[index].name));
    heap::free(m_entries[index].name);
    m_entries[index] = m_entries[--m_count];
}

namespace {

// A node of type T made with `args`, as an fs::Node.
template <typename T, typename... Args> Result<fs::Node*> new_node(Args&&... args)
{
    Result<T*> made = heap::create<T>(static_cast<Args&&>(args)...);
    if (!made.ok())
        return made.error();
    return static_cast<fs::Node*>(made.value());
}

// A new node of `mode` (a directory, a regular file or a symbolic link to
// `target`) in `space`, in `parent` (for a directory), its bytes taken.
Result<fs::Node*> make_node(Space& space, MemoryDirectory* parent, uint32_t mode, const char* target)
{
    TRY_STATUS(space.take(kNodeBytes)); // given back when the node goes (~MemoryNode)
    Result<fs::Node*> node = fs::is_directory(mode) ? new_node<MemoryDirectory>(space, parent)
        : fs::is_regular(mode)                      ? new_node<MemoryFile>(space)
        : fs::is_symlink(mode)                      ? new_node<MemorySymlink>(space)
                                                    : Result<fs::Node*>(Error::not_supported);
    if (!node.ok()) {
        space.give_back(kNodeBytes);
        return node.error();
    }
    if (fs::is_symlink(mode)) {
        auto* link = static_cast<MemorySymlink*>(node.value());
        if (Error set = link->set_target(target ? target : ""); set != Error::none) {
            link->release(); // gives its node bytes back
            return set;
        }
    }
    return node.value();
}

} // namespace

Error MemoryDirectory::create(
    const char* name, uint32_t mode, const fs::Credentials& owner, const char* target, fs::Node*& made)
{
    if (index_of(name) >= 0)
        return Error::already_exists;
    fs::Node* node = TRY(make_node(space(), this, mode, target));
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
    drop_entry(uint32_t(index));
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
    drop_entry(uint32_t(index));
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
        space().give_back(kEntryBytes + freestanding::text_length(m_entries[i].name));
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
    uint64_t length = freestanding::text_length(target);
    TRY_STATUS(space().take(length));
    Result<char*> copy = heap::copy_text(target);
    if (!copy.ok()) {
        space().give_back(length);
        return copy.error();
    }
    if (m_target)
        space().give_back(freestanding::text_length(m_target));
    heap::free(m_target);
    m_target = copy.value();
    stat.size = length;
    return Error::none;
}

void MemorySymlink::destroy()
{
    if (m_target)
        space().give_back(freestanding::text_length(m_target));
    heap::free(m_target);
    heap::destroy(this);
}

// ---- a root's options ----

namespace {

constexpr char kSizeOption[] = "size=";

// The value of a size= (or --size=) word of `options` copied to `value`,
// or null if there is none.
const char* size_option(const char* options, char (&value)[32])
{
    for (const char* word = options; *word;) {
        while (*word == ' ')
            word++;
        const char* name = word[0] == '-' && word[1] == '-' ? word + 2 : word;
        bool match = true;
        for (size_t i = 0; i + 1 < sizeof(kSizeOption) && match; i++)
            match = name[i] == kSizeOption[i];
        const char* end = word;
        while (*end && *end != ' ')
            end++;
        if (match) {
            const char* start = name + sizeof(kSizeOption) - 1;
            size_t length = size_t(end - start) < sizeof(value) - 1 ? size_t(end - start) : sizeof(value) - 1;
            __builtin_memcpy(value, start, length);
            value[length] = '\0';
            return value;
        }
        word = end;
    }
    return nullptr;
}

} // namespace

Error MemoryDirectory::apply_options(const char* options)
{
    char value[32];
    const char* size = size_option(options, value);
    if (!size)
        return Error::invalid_argument;
    space().set_limit(TRY(parse_size(size, space().ram())));
    return Error::none;
}

bool MemoryDirectory::describe_options(char* out, size_t size) const
{
    // "--size=N" in bytes: what is in force, whatever was asked for. An
    // unlimited space (tests on the host) shows the command line instead.
    if (space().limit() == Space::kUnlimited)
        return false;
    char digits[24];
    size_t count = 0;
    for (uint64_t limit = space().limit(); count == 0 || limit; limit /= 10)
        digits[count++] = char('0' + limit % 10);
    constexpr char kPrefix[] = "--size=";
    if (sizeof(kPrefix) + count > size)
        return false;
    size_t at = 0;
    for (size_t i = 0; i + 1 < sizeof(kPrefix); i++)
        out[at++] = kPrefix[i];
    while (count)
        out[at++] = digits[--count];
    out[at] = '\0';
    return true;
}

} // namespace tmpfs
