#include "archive.h"

#include <fs_server/path.h>

#include <freestanding/result.h>
#include <freestanding/text.h>

namespace tmpfs {
namespace {

constexpr size_t kHeaderSize = 110; // "070701" and 13 fields of 8 hex digits

struct Header {
    uint32_t mode, uid, gid, file_size, name_size;
};

bool parse_hex(const uint8_t* digits, uint32_t& value)
{
    value = 0;
    for (int i = 0; i < 8; i++) {
        uint8_t c = digits[i];
        uint32_t digit = c >= '0' && c <= '9' ? c - '0'
            : c >= 'a' && c <= 'f'            ? c - 'a' + 10
            : c >= 'A' && c <= 'F'            ? c - 'A' + 10
                                              : 16;
        if (digit == 16)
            return false;
        value = value << 4 | digit;
    }
    return true;
}

bool parse_header(const uint8_t* at, Header& header)
{
    static const char kMagic[] = "070701";
    for (int i = 0; i < 6; i++) {
        if (at[i] != uint8_t(kMagic[i]))
            return false;
    }
    // Fields: ino, mode, uid, gid, nlink, mtime, filesize, devmajor, devminor, rdevmajor, rdevminor, namesize, check.
    auto field = [&](int index, uint32_t& value) { return parse_hex(at + 6 + 8 * index, value); };
    return field(1, header.mode) && field(2, header.uid) && field(3, header.gid) && field(6, header.file_size)
        && field(11, header.name_size);
}

size_t round_up4(size_t value) { return (value + 3) & ~size_t(3); }

// The directory `path`'s last component goes into (made as needed), and
// that component in `name`. Components are separated by '/'.
Error parent_of(fs::Node& root, const char* path, fs::Node*& directory, char (&name)[fs::kMaxName + 1])
{
    directory = &root;
    directory->reference();
    size_t position = 0;
    for (;;) {
        fs::PathComponent component;
        if (!fs::next_component(path, position, component) || !fs::copy_component(component, name, sizeof(name))) {
            directory->release();
            return Error::invalid_argument;
        }
        if (component.last)
            return Error::none; // `name` is the last component
        fs::Node* next = nullptr;
        Error found = directory->lookup(name, next);
        if (found == Error::not_found)
            found = directory->create(name, fs::kDirectory | 0755, { 0, 0 }, nullptr, next);
        directory->release();
        if (found != Error::none)
            return found;
        if (!fs::is_directory(next->stat.mode)) {
            next->release();
            return Error::not_directory;
        }
        directory = next;
    }
}

// Makes one archive entry.
Error make_entry(fs::Node& root, const char* path, const Header& header, const uint8_t* data)
{
    if (freestanding::same_text(path, "."))
        return Error::none;
    fs::Node* directory = nullptr;
    char name[fs::kMaxName + 1];
    TRY_STATUS(parent_of(root, path, directory, name));
    uint32_t type = header.mode & fs::kTypeMask;
    fs::Credentials owner { header.uid, header.gid };
    fs::Node* made = nullptr;
    char target[fs::kMaxPath];
    Error status = Error::none;
    if (type == fs::kSymlink) {
        if (header.file_size >= sizeof(target))
            status = Error::name_too_long;
        for (uint32_t i = 0; status == Error::none && i < header.file_size; i++)
            target[i] = char(data[i]);
        if (status == Error::none)
            target[header.file_size] = '\0';
    }
    if (status == Error::none && (type == fs::kDirectory || type == fs::kRegular || type == fs::kSymlink)) {
        Error found = directory->lookup(name, made);
        if (found == Error::not_found)
            status = directory->create(name, header.mode & (fs::kTypeMask | fs::kPermissionMask), owner,
                type == fs::kSymlink ? target : nullptr, made);
        else
            status = found;
        if (status == Error::none && type == fs::kRegular && header.file_size)
            status = made->write(0, data, header.file_size);
        if (status == Error::none) {
            made->stat.mode = header.mode & (fs::kTypeMask | fs::kPermissionMask);
            made->stat.uid = header.uid;
            made->stat.gid = header.gid;
        }
        if (made)
            made->release();
    }
    directory->release();
    return status;
}

} // namespace

Error unpack_archive(const uint8_t* data, size_t size, fs::Node& root, uint64_t* entries)
{
    size_t at = 0;
    uint64_t made = 0;
    Error status = Error::invalid_argument; // until the trailer is seen
    while (at + kHeaderSize <= size) {
        Header header {};
        if (!parse_header(data + at, header))
            break;
        size_t name_at = at + kHeaderSize;
        if (header.name_size == 0 || header.name_size > fs::kMaxPath || name_at + header.name_size > size)
            break;
        const char* path = reinterpret_cast<const char*>(data + name_at);
        if (path[header.name_size - 1] != '\0')
            break;
        size_t data_at = round_up4(name_at + header.name_size);
        if (data_at > size || header.file_size > size - data_at)
            break;
        if (freestanding::same_text(path, "TRAILER!!!")) {
            status = Error::none;
            break;
        }
        Error entry = make_entry(root, path, header, data + data_at);
        if (entry != Error::none) {
            status = entry;
            break;
        }
        made++;
        at = round_up4(data_at + header.file_size);
    }
    if (entries)
        *entries = made;
    return status;
}

} // namespace tmpfs
