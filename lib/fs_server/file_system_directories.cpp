// The names in one directory: listing them, making a directory or a
// symbolic link, removing a name, reading a link's target.
#include <fs_server/clock.h>
#include <fs_server/file_system.h>
#include <fs_server/path.h>

namespace fs {

Result<Node*> FileSystem::writable_directory(uint64_t payload)
{
    PerOpen* peropen = peropen_of(payload);
    if (!peropen)
        return Error::permission_denied;
    Node& directory = *peropen->node();
    if (!is_directory(directory.stat.mode))
        return Error::not_directory;
    if (!allowed(directory.stat, credentials_of(*peropen), kWrite | kExecute))
        return Error::permission_denied;
    return &directory;
}

Error FileSystem::serve(ReadDirectory, const rpc::Incoming<ReadDirectory>& in, rpc::Outgoing<ReadDirectory>& out)
{
    PerOpen* peropen = peropen_of(in.payload);
    if (!peropen || !(peropen->flags() & kRead))
        return Error::permission_denied;
    Node& directory = *peropen->node();
    if (!is_directory(directory.stat.mode))
        return Error::not_directory;
    // "." and ".." come first, then the directory's own entries.
    uint64_t index = in.body.first;
    uint32_t count = 0;
    for (; count < ReadDirectory::kMaxEntries; count++, index++) {
        DirectoryEntry& entry = out.body.entries[count];
        if (index < 2) {
            Node& node = index == 0 ? directory : directory.parent();
            entry.inode = node.stat.inode;
            entry.type = kDirectory;
            entry.name.set(index == 0 ? "." : "..");
            continue;
        }
        Error found = directory.entry_at(index - 2, entry);
        if (found == Error::not_found)
            break;
        if (found != Error::none)
            return found;
    }
    out.body.count = count;
    return Error::none;
}

Error FileSystem::serve(MakeDirectory, const rpc::Incoming<MakeDirectory>& in, rpc::Outgoing<MakeDirectory>&)
{
    Node* directory = TRY(writable_directory(in.payload));
    TRY_STATUS(check_name(in.body.name.c_str()));
    if (const Credentials& who = credentials_of(*peropen_of(in.payload)); !who.is_root())
        TRY_STATUS(directory->check_room(who)); // the last of the room is root's
    Node* made = nullptr;
    uint32_t mode = kDirectory | (in.body.mode & kPermissionMask);
    TRY_STATUS(directory->create(in.body.name.c_str(), mode, credentials_of(*peropen_of(in.payload)), nullptr, made));
    made->release();
    directory->stat.modify_ns = directory->stat.change_ns = now_ns();
    return Error::none;
}

namespace {

// Removes `name` from `directory` for `who` if it is (or is not) a directory.
Error remove_name(Node& directory, const char* name, bool want_directory, const Credentials& who)
{
    TRY_STATUS(check_name(name));
    Node* node = nullptr;
    TRY_STATUS(directory.lookup(name, node));
    bool is_dir = is_directory(node->stat.mode);
    bool removable = may_remove(directory.stat, node->stat, who);
    node->release();
    if (want_directory && !is_dir)
        return Error::not_directory;
    if (!want_directory && is_dir)
        return Error::is_directory;
    if (!removable)
        return Error::permission_denied;
    TRY_STATUS(directory.remove(name));
    directory.stat.modify_ns = directory.stat.change_ns = now_ns();
    return Error::none;
}

} // namespace

Error FileSystem::serve(RemoveDirectory, const rpc::Incoming<RemoveDirectory>& in, rpc::Outgoing<RemoveDirectory>&)
{
    Node* directory = TRY(writable_directory(in.payload));
    return remove_name(*directory, in.body.name.c_str(), true, credentials_of(*peropen_of(in.payload)));
}

Error FileSystem::serve(Unlink, const rpc::Incoming<Unlink>& in, rpc::Outgoing<Unlink>&)
{
    Node* directory = TRY(writable_directory(in.payload));
    return remove_name(*directory, in.body.name.c_str(), false, credentials_of(*peropen_of(in.payload)));
}

Error FileSystem::serve(Symlink, const rpc::Incoming<Symlink>& in, rpc::Outgoing<Symlink>&)
{
    Node* directory = TRY(writable_directory(in.payload));
    TRY_STATUS(check_name(in.body.name.c_str()));
    if (!in.body.target.c_str()[0])
        return Error::invalid_argument;
    if (const Credentials& who = credentials_of(*peropen_of(in.payload)); !who.is_root())
        TRY_STATUS(directory->check_room(who));
    Node* made = nullptr;
    TRY_STATUS(directory->create(
        in.body.name.c_str(), kSymlink | 0777, credentials_of(*peropen_of(in.payload)), in.body.target.c_str(), made));
    made->release();
    directory->stat.modify_ns = directory->stat.change_ns = now_ns();
    return Error::none;
}

Error FileSystem::serve(ReadLink, const rpc::Incoming<ReadLink>& in, rpc::Outgoing<ReadLink>& out)
{
    PerOpen* peropen = peropen_of(in.payload);
    if (!peropen)
        return Error::permission_denied;
    const char* target = peropen->node()->target();
    if (!is_symlink(peropen->node()->stat.mode) || !target)
        return Error::invalid_argument;
    out.body.target.set(target);
    return Error::none;
}

} // namespace fs
