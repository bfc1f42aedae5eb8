// Looking up a path: walking it from a directory (".", "..", symbolic
// links, creating the last name), stopping at a translator (the client
// retries there), and opening what it finds.
#include <freestanding/text.h>
#include <fs_server/clock.h>
#include <fs_server/file_system.h>
#include <fs_server/path.h>
#include <interfaces/fsys.h>

namespace fs {

// Where a lookup has got to.
struct FileSystem::Walk {
    Node* node = nullptr; // referenced
    bool created = false;
    bool retry_from_root = false;
    uint32_t symlinks = 0; // followed so far
    mach::PortName translator_root = mach::kNullName; // retry there with the rest of the path
    char path[kMaxPath * 2]; // the path still to look up (symbolic links make it longer)
    size_t position = 0;

    ~Walk()
    {
        if (node)
            node->release();
    }
    void move_to(Node* next)
    {
        node->release();
        node = next;
    }
    // The next component into `name`; false at the end of the path.
    // (A name too long is cut one past kMaxName, for the walk to refuse.)
    bool next_component(char (&name)[kMaxName + 2], bool& last)
    {
        PathComponent component;
        if (!fs::next_component(path, position, component))
            return false;
        (void)copy_component(component, name, sizeof(name));
        last = component.last;
        return true;
    }
    // Follows a symbolic link to `target` met at the component just read:
    // a relative one goes on from the same directory, an absolute one ends
    // the walk (retry from the client's root).
    Error follow(const char* target)
    {
        if (++symlinks > kMaxSymlinks)
            return Error::too_many_links;
        if (!target)
            return Error::invalid_argument;
        TRY_STATUS(substitute(target));
        retry_from_root = path[0] == '/';
        return Error::none;
    }
    // Puts the symbolic link's `target` in place of the component just read.
    Error substitute(const char* target)
    {
        char rest[kMaxPath * 2];
        size_t r = 0;
        for (size_t i = position; path[i]; i++)
            rest[r++] = path[i];
        rest[r] = '\0';
        size_t length = 0;
        for (; target[length]; length++) {
            if (length + 1 >= sizeof(path))
                return Error::name_too_long;
            path[length] = target[length];
        }
        if (length + r + 1 > sizeof(path))
            return Error::name_too_long;
        for (size_t i = 0; i <= r; i++)
            path[length + i] = rest[i];
        position = 0;
        return Error::none;
    }
};

Error FileSystem::walk(const PerOpen& start, const Lookup::Request& request, Walk& walk)
{
    const Credentials& who = credentials_of(start);
    walk.node = start.node();
    walk.node->reference();
    size_t length = freestanding::text_length(request.path.c_str());
    if (length >= kMaxPath)
        return Error::name_too_long;
    for (size_t i = 0; i <= length; i++)
        walk.path[i] = request.path.chars[i];
    char name[kMaxName + 2];
    bool last = false;
    while (walk.next_component(name, last)) {
        Node& directory = *walk.node;
        if (!is_directory(directory.stat.mode))
            return Error::not_directory;
        if (freestanding::text_length(name) > kMaxName)
            return Error::name_too_long;
        if (!allowed(directory.stat, who, kExecute))
            return Error::permission_denied;
        if (freestanding::same_text(name, "."))
            continue;
        Node* next = nullptr;
        if (freestanding::same_text(name, "..")) {
            // FIXME(translators): above a translator's root this should go back to the node it sits on.
            next = &directory.parent();
            next->reference();
        } else {
            Error found = directory.lookup(name, next);
            if (found == Error::not_found && last && (request.flags & kCreate)) {
                if (!allowed(directory.stat, who, kWrite))
                    return Error::permission_denied;
                if (!who.is_root())
                    TRY_STATUS(directory.check_room(who));
                uint32_t mode = kRegular | (request.mode & kPermissionMask & ~(kSetUid | kSetGid));
                TRY_STATUS(directory.create(name, mode, who, nullptr, next));
                directory.stat.modify_ns = directory.stat.change_ns = now_ns();
                walk.created = true;
            } else if (found != Error::none) {
                return found;
            } else if (last && (request.flags & kCreate) && (request.flags & kExclusive)) {
                next->release();
                return Error::already_exists;
            }
        }
        if (is_symlink(next->stat.mode) && (!last || !(request.flags & kNoFollow))) {
            Error followed = walk.follow(next->target());
            next->release();
            if (followed != Error::none || walk.retry_from_root)
                return followed;
            continue; // from the same directory
        }
        bool follow_translator = !last || !(request.flags & kNoTranslator);
        if (follow_translator && next->active_translator == mach::kNullName && next->passive_translator) {
            if (Error started = start_passive(&directory, name, *next); started != Error::none) {
                next->release();
                return started;
            }
        }
        if (next->active_translator != mach::kNullName && follow_translator) {
            fsys::GetRoot::Reply answer {};
            // A right to look up in (the client opens what it wants there): not
            // a reader, as a fifo counts them.
            uint32_t no_follow = last ? request.flags & kNoFollow : 0;
            Result<mach::PortName> root = translator_root(*next, start.credentials(), kExecute | no_follow, answer);
            if (root.ok() || root.error() != Error::not_found) {
                next->release();
                if (!root.ok())
                    return root.error();
                if (root.value() == mach::kNullName) {
                    // Its root is a symbolic link (the symlink translator): followed as if this node were it.
                    Error followed = walk.follow(answer.link.c_str());
                    if (followed != Error::none || walk.retry_from_root)
                        return followed;
                    continue;
                }
                walk.translator_root = root.value();
                return Error::none;
            }
            // The translator is gone: the node itself again.
        }
        walk.move_to(next);
    }
    return Error::none;
}

Error FileSystem::open_final(
    const PerOpen& start, const Lookup::Request& request, Walk& walk, rpc::Outgoing<Lookup>& out)
{
    Node& node = *walk.node;
    uint32_t flags = request.flags;
    if ((flags & kDirectoryOnly) && !is_directory(node.stat.mode))
        return Error::not_directory;
    if (is_directory(node.stat.mode) && (flags & (kWrite | kTruncate)))
        return Error::is_directory;
    // The creator gets the access it asked for, whatever the new mode says.
    if (!walk.created && !allowed(node.stat, credentials_of(start), flags & kAccessMask))
        return Error::permission_denied;
    if ((flags & kTruncate) && (flags & kWrite) && is_regular(node.stat.mode)) {
        TRY_STATUS(node.set_size(0));
        node.stat.modify_ns = node.stat.change_ns = now_ns();
    }
    mach::PortName right = TRY(open_node(node, flags & kPerOpenFlags, start.credentials()));
    out.body.result = LookupResult::done;
    out.rights[0] = { right, mach::Disposition::move_send };
    return Error::none;
}

Error FileSystem::serve(Lookup, const rpc::Incoming<Lookup>& in, rpc::Outgoing<Lookup>& out)
{
    PerOpen* start = peropen_of(in.payload);
    if (!start)
        return Error::permission_denied;
    Walk walk;
    TRY_STATUS(this->walk(*start, in.body, walk));
    if (walk.translator_root != mach::kNullName) {
        const char* rest = walk.path + walk.position;
        while (*rest == '/')
            rest++;
        out.rights[0] = { walk.translator_root, mach::Disposition::move_send };
        out.body.result = LookupResult::retry;
        if (!out.body.rest.set(rest)) {
            rpc::release(out.rights[0]);
            out.rights[0] = {};
            return Error::name_too_long;
        }
        return Error::none;
    }
    if (walk.retry_from_root) {
        const char* rest = walk.path;
        while (*rest == '/')
            rest++;
        if (!out.body.rest.set(rest))
            return Error::name_too_long;
        out.body.result = LookupResult::retry_from_root;
        return Error::none;
    }
    return open_final(*start, in.body, walk, out);
}

} // namespace fs
