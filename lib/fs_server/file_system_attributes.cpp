// Changing a node's attributes (fs SetAttribute): mode and times by its
// owner, the owner by root, the size by who may write it.
#include <fs_server/clock.h>
#include <fs_server/file_system.h>

namespace fs {

Error FileSystem::serve(SetAttribute, const rpc::Incoming<SetAttribute>& in, rpc::Outgoing<SetAttribute>&)
{
    PerOpen* peropen = peropen_of(in.payload);
    if (!peropen)
        return Error::permission_denied;
    Node& node = *peropen->node();
    const Credentials& who = credentials_of(*peropen);
    bool owner = who.is_root() || who.uid == node.stat.uid;
    const SetAttribute::Request& change = in.body;
    switch (change.which) {
    case Attribute::mode:
        if (!owner)
            return Error::permission_denied;
        node.stat.mode = (node.stat.mode & kTypeMask) | (change.mode & kPermissionMask);
        break;
    case Attribute::owner:
        // Only root gives files away.
        if (!who.is_root())
            return Error::permission_denied;
        node.stat.uid = change.uid;
        node.stat.gid = change.gid;
        break;
    case Attribute::times:
        if (!owner)
            return Error::permission_denied;
        node.stat.access_ns = change.access_ns;
        node.stat.modify_ns = change.modify_ns;
        break;
    case Attribute::size:
        if (is_directory(node.stat.mode))
            return Error::is_directory;
        if (!(peropen->flags() & kWrite) && !allowed(node.stat, who, kWrite))
            return Error::permission_denied;
        TRY_STATUS(node.set_size(change.size));
        node.stat.modify_ns = now_ns();
        break;
    default: return Error::invalid_argument;
    }
    node.stat.change_ns = now_ns();
    return Error::none;
}

} // namespace fs
