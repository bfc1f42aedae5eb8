// Names between directories of the same file system: rename (never a
// directory into itself) and link (another name of a file).
#include <fs_server/clock.h>
#include <fs_server/file_system.h>
#include <fs_server/path.h>
#include <rpc/client.h>

namespace fs {

namespace {

// Whether `node` is `ancestor` or below it (a directory moved there would be its own ancestor).
bool is_within(Node& node, Node& ancestor)
{
    for (Node* at = &node;; at = &at->parent()) {
        if (at == &ancestor)
            return true;
        if (&at->parent() == at)
            return false;
    }
}

// What a rename may replace: an empty directory by a directory, anything
// else by a non-directory; in a sticky directory only what `who` may remove.
Error check_replace(Node& directory, const char* name, bool moving_directory, const Credentials& who)
{
    Node* existing = nullptr;
    Error found = directory.lookup(name, existing);
    if (found == Error::not_found)
        return Error::none;
    TRY_STATUS(found);
    bool existing_directory = is_directory(existing->stat.mode);
    bool removable = may_remove(directory.stat, existing->stat, who);
    existing->release();
    if (moving_directory && !existing_directory)
        return Error::not_directory;
    if (!moving_directory && existing_directory)
        return Error::is_directory;
    return removable ? Error::none : Error::permission_denied;
}

} // namespace

Error FileSystem::serve(Rename, const rpc::Incoming<Rename>& in, rpc::Outgoing<Rename>&)
{
    Result<Node*> from = writable_directory(in.payload);
    Result<PerOpen*> to = from.ok() ? peropen_sent(in.rights[0]) : Result<PerOpen*>(from.error());
    rpc::release(in.rights[0]); // the directory is known by its peropen now
    if (!to.ok())
        return to.error();
    Node& to_directory = *to.value()->node();
    if (!is_directory(to_directory.stat.mode))
        return Error::not_directory;
    if (!allowed(to_directory.stat, credentials_of(*to.value()), kWrite | kExecute))
        return Error::permission_denied;
    const char* name = in.body.name.c_str();
    const char* to_name = in.body.to_name.c_str();
    TRY_STATUS(check_name(name));
    TRY_STATUS(check_name(to_name));
    Node* moving = nullptr;
    TRY_STATUS(from.value()->lookup(name, moving));
    bool moving_directory = is_directory(moving->stat.mode);
    const Credentials& who = credentials_of(*peropen_of(in.payload));
    Error status = Error::none;
    if (!may_remove(from.value()->stat, moving->stat, who))
        status = Error::permission_denied; // a sticky directory keeps others' names
    else if (moving_directory && is_within(to_directory, *moving))
        status = Error::invalid_argument;
    else
        status = check_replace(to_directory, to_name, moving_directory, who);
    moving->release();
    TRY_STATUS(status);
    TRY_STATUS(from.value()->rename(name, to_directory, to_name));
    uint64_t now = now_ns();
    from.value()->stat.modify_ns = from.value()->stat.change_ns = now;
    to_directory.stat.modify_ns = to_directory.stat.change_ns = now;
    return Error::none;
}

Error FileSystem::serve(Link, const rpc::Incoming<Link>& in, rpc::Outgoing<Link>&)
{
    PerOpen* peropen = peropen_of(in.payload);
    Result<PerOpen*> to = peropen ? peropen_sent(in.rights[0]) : Result<PerOpen*>(Error::permission_denied);
    rpc::release(in.rights[0]);
    if (!to.ok())
        return to.error();
    Node& node = *peropen->node();
    Node& to_directory = *to.value()->node();
    if (is_directory(node.stat.mode))
        return Error::is_directory;
    if (!is_directory(to_directory.stat.mode))
        return Error::not_directory;
    if (!allowed(to_directory.stat, credentials_of(*to.value()), kWrite | kExecute))
        return Error::permission_denied;
    TRY_STATUS(check_name(in.body.to_name.c_str()));
    TRY_STATUS(to_directory.link(in.body.to_name.c_str(), node));
    node.stat.change_ns = to_directory.stat.modify_ns = to_directory.stat.change_ns = now_ns();
    return Error::none;
}

} // namespace fs
