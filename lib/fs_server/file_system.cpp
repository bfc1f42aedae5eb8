#include <base/text.h>
#include <fs_server/file_system.h>
#include <fs_server/path.h>
#include <exec/child.h>
#include <fs_server/translator_start.h>
#include <interfaces/fsys.h>
#include <kern/initial_stack.h>
#include <runtime/mach.h>
#include <rpc/client.h>

namespace fs {
namespace {

using Interface = rpc::Interface<io::Read, io::Write, io::Select, io::Seek, io::GetStat, io::Duplicate, io::Reauthenticate, Lookup, ReadDirectory,
    MakeDirectory, RemoveDirectory, Unlink, Symlink, ReadLink, SetAttribute, Rename, Link, SetTranslator,
    GetTranslator, GetTranslatorControl>;

uint64_t now_ns()
{
    uint64_t ns = 0;
    (void)mach::clock_monotonic(&ns); // FIXME(clock): since boot, until a clock server gives the date
    return ns;
}

// A name a directory may hold: not empty, no slash, not "." or "..".
Error check_name(const char* name)
{
    if (!name[0] || base::same_text(name, ".") || base::same_text(name, ".."))
        return Error::invalid_argument;
    for (const char* c = name; *c; c++) {
        if (*c == '/')
            return Error::invalid_argument;
    }
    return base::text_length(name) > kMaxName ? Error::name_too_long : Error::none;
}

} // namespace

bool allowed(const Stat& stat, const Credentials& who, uint32_t want)
{
    want &= kAccessMask;
    if (who.is_root())
        return !(want & kExecute) || is_directory(stat.mode) || (stat.mode & 0111);
    uint32_t bits = stat.mode & 07;
    if (who.uid == stat.uid)
        bits = (stat.mode >> 6) & 07;
    else if (who.gid == stat.gid)
        bits = (stat.mode >> 3) & 07;
    // rwx bits are 4, 2, 1; OpenFlag's kRead, kWrite, kExecute are 1, 2, 4.
    uint32_t needed = ((want & kRead) ? 4 : 0) | ((want & kWrite) ? 2 : 0) | ((want & kExecute) ? 1 : 0);
    return (bits & needed) == needed;
}

FileSystem::FileSystem(ports::Server& server, Node& root) : m_server(server), m_root(root) { root.reference(); }

FileSystem::~FileSystem()
{
    while (m_translated_count)
        detach(*m_translated[0]);
    m_root.release();
    if (m_auth != mach::kNullName)
        rpc::release({ m_auth, mach::Disposition::move_send });
    if (m_proc != mach::kNullName)
        rpc::release({ m_proc, mach::Disposition::move_send });
}

Error FileSystem::start()
{
    Result<mach::PortName> port = m_server.add_port(*this);
    if (!port.ok())
        return port.error();
    m_port = port.value();
    return Error::none;
}

Result<mach::PortName> FileSystem::open_root(const Credentials& who, uint32_t flags)
{
    uint32_t credentials = TRY(intern(who));
    return open_node(m_root, flags & kPerOpenFlags, credentials);
}

bool FileSystem::serve(mach::MessageHeader& request, rpc::ReplyBuffer& reply)
{
    if (Interface::dispatch(*this, request, reply))
        return true;
    PerOpen* peropen = peropen_of(request.payload);
    return peropen && peropen->node()->serve_device(request, reply);
}

// ---- peropens ----

Result<uint32_t> FileSystem::intern(const Credentials& who)
{
    for (uint32_t i = 0; i < m_credential_count; i++) {
        if (m_credentials[i] == who)
            return i;
    }
    if (m_credential_count == kMaxCredentials)
        return Error::no_space;
    m_credentials[m_credential_count] = who;
    return m_credential_count++;
}

Result<mach::PortName> FileSystem::open_node(Node& node, uint32_t flags, uint32_t credentials)
{
    PerOpen* peropen = TRY(m_peropens.create(node, flags, credentials));
    Result<mach::PortName> right = m_server.make_send(m_port, reinterpret_cast<uint64_t>(peropen));
    if (!right.ok()) {
        m_peropens.destroy(peropen);
        return right.error();
    }
    node.reference();
    __atomic_add_fetch(&m_peropen_count, 1, __ATOMIC_RELAXED);
    node.opened(flags);
    return right.value();
}

// The kernel guarantees that a payload is one this server minted and whose
// right still lives: it names a live peropen. 0 is a plain right.
PerOpen* FileSystem::peropen_of(uint64_t payload) const { return reinterpret_cast<PerOpen*>(payload); }

void FileSystem::payload_released(uint64_t payload)
{
    PerOpen* peropen = peropen_of(payload);
    if (!peropen)
        return;
    m_parked.drop(*peropen);
    peropen->node()->closed(peropen->flags());
    peropen->node()->release();
    m_peropens.destroy(peropen);
    __atomic_sub_fetch(&m_peropen_count, 1, __ATOMIC_RELAXED);
}

// ---- io ----

template <typename Op> Error FileSystem::park(PerOpen& peropen, const rpc::Incoming<Op>& in)
{
    // A non-blocking peropen's reads and writes never wait; a select is
    // how such a caller waits, so it does.
    if ((peropen.flags() & kNonBlocking) && Op::kId != io::Select::kId)
        return Error::would_block;
    peropen.node()->watcher = this;
    return m_parked.park(peropen, in, m_port);
}

void FileSystem::changed(Node& node) { m_parked.retry(node); }

Error FileSystem::serve(io::Read, const rpc::Incoming<io::Read>& in, rpc::Outgoing<io::Read>& out)
{
    PerOpen* peropen = peropen_of(in.payload);
    if (!peropen)
        return Error::permission_denied;
    // Behind a read that waits already, a new one waits too (arrival order).
    Error status = m_parked.waiting(*peropen->node(), ParkedRequests::Kind::read) ? Error::would_block : attempt(*peropen, in.body, out.body);
    return status == Error::would_block ? park(*peropen, in) : status;
}

Error FileSystem::attempt(PerOpen& peropen, const io::Read::Request& request, io::Read::Reply& reply)
{
    if (!(peropen.flags() & kRead))
        return Error::permission_denied;
    if (is_directory(peropen.node()->stat.mode))
        return Error::is_directory;
    bool at_peropen = request.offset == io::kAtOffset;
    uint64_t offset = at_peropen ? peropen.offset() : request.offset;
    uint32_t amount = request.amount < io::kMaxTransfer ? request.amount : io::kMaxTransfer;
    if (Error e = peropen.node()->read(offset, reply.data.bytes, amount); e != Error::none)
        return e;
    reply.data.length = amount;
    if (at_peropen)
        TRY_STATUS(peropen.set_offset(offset + amount));
    peropen.node()->stat.access_ns = now_ns();
    return Error::none;
}

Error FileSystem::serve(io::Write, const rpc::Incoming<io::Write>& in, rpc::Outgoing<io::Write>& out)
{
    PerOpen* peropen = peropen_of(in.payload);
    if (!peropen)
        return Error::permission_denied;
    Error status = m_parked.waiting(*peropen->node(), ParkedRequests::Kind::write) ? Error::would_block : attempt(*peropen, in.body, out.body);
    return status == Error::would_block ? park(*peropen, in) : status;
}

Error FileSystem::attempt(PerOpen& peropen, const io::Write::Request& request, io::Write::Reply& reply)
{
    if (!(peropen.flags() & kWrite))
        return Error::permission_denied;
    Node& node = *peropen.node();
    if (is_directory(node.stat.mode))
        return Error::is_directory;
    bool at_peropen = request.offset == io::kAtOffset;
    uint64_t offset = at_peropen ? peropen.offset() : request.offset;
    if (peropen.flags() & kAppend)
        offset = node.stat.size;
    if (Error e = node.write(offset, request.data.bytes, request.data.length); e != Error::none)
        return e;
    reply.written = request.data.length;
    if (at_peropen || (peropen.flags() & kAppend))
        TRY_STATUS(peropen.set_offset(offset + request.data.length));
    node.stat.modify_ns = node.stat.change_ns = now_ns();
    return Error::none;
}

Error FileSystem::serve(io::Select, const rpc::Incoming<io::Select>& in, rpc::Outgoing<io::Select>& out)
{
    PerOpen* peropen = peropen_of(in.payload);
    if (!peropen)
        return Error::permission_denied;
    Error status = attempt(*peropen, in.body, out.body);
    if (status == Error::would_block && (in.body.flags & io::Select::kNow)) {
        out.body.ready = 0;
        return Error::none;
    }
    return status == Error::would_block ? park(*peropen, in) : status;
}

Error FileSystem::attempt(PerOpen& peropen, const io::Select::Request& request, io::Select::Reply& reply)
{
    if (request.wanted == 0 || (request.wanted & ~uint32_t(io::kReadable | io::kWritable)))
        return Error::invalid_argument;
    // What the peropen may not do is no reason to wait: it would fail at once.
    uint32_t refused = 0;
    if (!(peropen.flags() & kRead))
        refused |= io::kReadable;
    if (!(peropen.flags() & kWrite))
        refused |= io::kWritable;
    reply.ready = (peropen.node()->readiness() | refused) & request.wanted;
    return reply.ready ? Error::none : Error::would_block;
}

Error FileSystem::serve(io::Seek, const rpc::Incoming<io::Seek>& in, rpc::Outgoing<io::Seek>& out)
{
    PerOpen* peropen = peropen_of(in.payload);
    if (!peropen)
        return Error::permission_denied;
    int64_t base = 0;
    switch (in.body.whence) {
    case io::Whence::set: base = 0; break;
    case io::Whence::current: base = int64_t(peropen->offset()); break;
    case io::Whence::end: base = int64_t(peropen->node()->stat.size); break;
    default: return Error::invalid_argument;
    }
    int64_t offset = base + in.body.offset;
    if ((in.body.offset > 0 && offset < base) || offset < 0)
        return Error::invalid_argument;
    TRY_STATUS(peropen->set_offset(uint64_t(offset)));
    out.body.offset = peropen->offset();
    return Error::none;
}

Error FileSystem::serve(io::GetStat, const rpc::Incoming<io::GetStat>& in, rpc::Outgoing<io::GetStat>& out)
{
    PerOpen* peropen = peropen_of(in.payload);
    if (!peropen)
        return Error::permission_denied;
    out.body.stat = peropen->node()->stat;
    return Error::none;
}

Error FileSystem::serve(io::Duplicate, const rpc::Incoming<io::Duplicate>& in, rpc::Outgoing<io::Duplicate>& out)
{
    PerOpen* peropen = peropen_of(in.payload);
    if (!peropen)
        return Error::permission_denied;
    uint32_t flags = in.body.flags & kPerOpenFlags;
    if ((flags & kAccessMask) & ~(peropen->flags() & kAccessMask))
        return Error::permission_denied; // a copy may only lose access
    mach::PortName right = TRY(open_node(*peropen->node(), flags, peropen->credentials()));
    out.rights[0] = { right, mach::Disposition::move_send };
    return Error::none;
}

Error FileSystem::serve(io::Reauthenticate, const rpc::Incoming<io::Reauthenticate>& in,
    rpc::Outgoing<io::Reauthenticate>& out)
{
    const rpc::Right& rendezvous = in.rights[0];
    PerOpen* peropen = peropen_of(in.payload);
    Error status = Error::none;
    if (!peropen)
        status = Error::permission_denied;
    else if (m_auth == mach::kNullName)
        status = Error::not_supported; // nobody to ask who the client is
    else if (rendezvous.disposition != mach::Disposition::move_send)
        status = Error::invalid_right;
    if (status != Error::none) {
        rpc::release(rendezvous);
        return status;
    }
    auth::Verify::Reply verified {};
    rpc::Rights<1> give;
    give[0] = rendezvous; // moved to auth
    status = rpc::call<auth::Verify>(m_auth, {}, verified, give, nullptr, kTranslatorTimeoutNs);
    if (status != Error::none)
        return status == Error::not_found ? Error::permission_denied : status;
    uint32_t credentials = TRY(intern(verified.ids));
    mach::PortName right = TRY(open_node(*peropen->node(), peropen->flags(), credentials));
    out.rights[0] = { right, mach::Disposition::move_send };
    return Error::none;
}

// ---- lookup ----

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
    size_t length = base::text_length(request.path.c_str());
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
        if (base::text_length(name) > kMaxName)
            return Error::name_too_long;
        if (!allowed(directory.stat, who, kExecute))
            return Error::permission_denied;
        if (base::same_text(name, "."))
            continue;
        Node* next = nullptr;
        if (base::same_text(name, "..")) {
            // FIXME(translators): above a translator's root this should go back to the node it sits on.
            next = &directory.parent();
            next->reference();
        } else {
            Error found = directory.lookup(name, next);
            if (found == Error::not_found && last && (request.flags & kCreate)) {
                if (!allowed(directory.stat, who, kWrite))
                    return Error::permission_denied;
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
            if (Error started = start_passive(*next); started != Error::none) {
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

Error FileSystem::open_final(const PerOpen& start, const Lookup::Request& request, Walk& walk,
    rpc::Outgoing<Lookup>& out)
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

// ---- directories ----

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
    Node* made = nullptr;
    uint32_t mode = kDirectory | (in.body.mode & kPermissionMask);
    TRY_STATUS(directory->create(in.body.name.c_str(), mode, credentials_of(*peropen_of(in.payload)), nullptr, made));
    made->release();
    directory->stat.modify_ns = directory->stat.change_ns = now_ns();
    return Error::none;
}

namespace {

// Removes `name` from `directory` if it is (or is not) a directory.
Error remove_name(Node& directory, const char* name, bool want_directory)
{
    TRY_STATUS(check_name(name));
    Node* node = nullptr;
    TRY_STATUS(directory.lookup(name, node));
    bool is_dir = is_directory(node->stat.mode);
    node->release();
    if (want_directory && !is_dir)
        return Error::not_directory;
    if (!want_directory && is_dir)
        return Error::is_directory;
    TRY_STATUS(directory.remove(name));
    directory.stat.modify_ns = directory.stat.change_ns = now_ns();
    return Error::none;
}

} // namespace

Error FileSystem::serve(RemoveDirectory, const rpc::Incoming<RemoveDirectory>& in, rpc::Outgoing<RemoveDirectory>&)
{
    Node* directory = TRY(writable_directory(in.payload));
    return remove_name(*directory, in.body.name.c_str(), true);
}

Error FileSystem::serve(Unlink, const rpc::Incoming<Unlink>& in, rpc::Outgoing<Unlink>&)
{
    Node* directory = TRY(writable_directory(in.payload));
    return remove_name(*directory, in.body.name.c_str(), false);
}

Error FileSystem::serve(Symlink, const rpc::Incoming<Symlink>& in, rpc::Outgoing<Symlink>&)
{
    Node* directory = TRY(writable_directory(in.payload));
    TRY_STATUS(check_name(in.body.name.c_str()));
    if (!in.body.target.c_str()[0])
        return Error::invalid_argument;
    Node* made = nullptr;
    TRY_STATUS(directory->create(in.body.name.c_str(), kSymlink | 0777, credentials_of(*peropen_of(in.payload)),
        in.body.target.c_str(), made));
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

// ---- names between directories ----

Result<PerOpen*> FileSystem::peropen_sent(const rpc::Right& right)
{
    mach::PortName receive = mach::kNullName;
    uint64_t payload = 0;
    Error known = mach::port_identify(m_server.task(), right.name, &receive, &payload);
    if (known == Error::not_found || (known == Error::none && receive != m_port))
        return Error::cross_device;
    TRY_STATUS(known);
    PerOpen* peropen = peropen_of(payload);
    if (!peropen)
        return Error::permission_denied;
    return peropen;
}

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

// What a rename may replace: an empty directory by a directory, anything else by a non-directory.
Error check_replace(Node& directory, const char* name, bool moving_directory)
{
    Node* existing = nullptr;
    Error found = directory.lookup(name, existing);
    if (found == Error::not_found)
        return Error::none;
    TRY_STATUS(found);
    bool existing_directory = is_directory(existing->stat.mode);
    existing->release();
    if (moving_directory && !existing_directory)
        return Error::not_directory;
    if (!moving_directory && existing_directory)
        return Error::is_directory;
    return Error::none;
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
    Error status = moving_directory && is_within(to_directory, *moving) ? Error::invalid_argument
                                                                          : check_replace(to_directory, to_name, moving_directory);
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

// ---- attributes ----

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

// ---- translators ----

Result<mach::PortName> FileSystem::translator_root(Node& node, uint32_t credentials, uint32_t flags,
    fsys::GetRoot::Reply& answer)
{
    rpc::Rights<1> got;
    Error status = rpc::call<fsys::GetRoot>(node.active_translator, { m_credentials[credentials], flags, 0 }, answer,
        {}, &got, kTranslatorTimeoutNs);
    if (status == Error::port_dead || status == Error::invalid_name) {
        detach(node);
        return Error::not_found;
    }
    TRY_STATUS(status);
    return got[0].name;
}

Result<Node*> FileSystem::find_program(const char* path)
{
    Node* at = &m_root;
    at->reference();
    char name[kMaxName + 1];
    PathComponent component;
    for (size_t position = 0; fs::next_component(path, position, component);) {
        bool fits = copy_component(component, name, sizeof(name));
        if (!fits || !is_directory(at->stat.mode)) {
            at->release();
            return !fits ? Error::name_too_long : Error::not_directory;
        }
        Node* next = nullptr;
        Error found = at->lookup(name, next);
        at->release();
        if (found != Error::none)
            return found;
        at = next;
    }
    if (!is_regular(at->stat.mode)) {
        at->release();
        return Error::permission_denied;
    }
    return at;
}

namespace {

// The bytes of a program's file (heap; the caller frees them).
Result<uint8_t*> read_program(Node& node)
{
    uint64_t size = node.stat.size;
    if (size == 0 || size > (64ull << 20))
        return Error::invalid_argument;
    auto* bytes = static_cast<uint8_t*>(TRY(heap::allocate(size)));
    for (uint64_t at = 0; at < size;) {
        uint32_t amount = uint32_t(size - at < (1u << 20) ? size - at : (1u << 20));
        Error read = node.read(at, bytes + at, amount);
        if (read != Error::none || amount == 0) {
            heap::free(bytes);
            return read != Error::none ? read : Error::invalid_argument;
        }
        at += amount;
    }
    return bytes;
}

} // namespace

Error FileSystem::start_passive(Node& node)
{
    char storage[kMaxPath];
    const char* argv[kern::kMaxInitialArgs];
    size_t argc = TRY(kern::split_arguments(node.passive_translator, storage, sizeof(storage), argv));
    if (argc == 0)
        return Error::invalid_argument;
    Node* program_node = TRY(find_program(argv[0]));
    Result<uint8_t*> image = read_program(*program_node);
    uint64_t size = program_node->stat.size;
    program_node->release();
    if (!image.ok())
        return image.error();
    exec::InitPorts init;
    init[exec::kAuth] = m_auth; // so that it, too, can ask who its clients are
    mach::PortName task = mach::kNullName;
    Result<mach::PortName> control
        = start_translator({ image.value(), size, argv, argc, nullptr, 0 }, kTranslatorTimeoutNs, init, &task);
    heap::free(image.value());
    if (!control.ok())
        return control.error();
    exec::list_child(m_proc, task, argv[0]);
    if (Error attached = attach(node, control.value()); attached != Error::none) {
        rpc::release({ control.value(), mach::Disposition::move_send });
        return attached;
    }
    return Error::none;
}

Error FileSystem::attach(Node& node, mach::PortName control)
{
    if (m_translated_count == kMaxTranslators)
        return Error::no_space;
    TRY_STATUS(m_server.watch_death(control, m_port));
    node.reference();
    node.active_translator = control;
    m_translated[m_translated_count++] = &node;
    return Error::none;
}

void FileSystem::detach(Node& node)
{
    for (uint32_t i = 0; i < m_translated_count; i++) {
        if (m_translated[i] == &node) {
            m_translated[i] = m_translated[--m_translated_count];
            rpc::release({ node.active_translator, mach::Disposition::move_send });
            node.active_translator = mach::kNullName;
            node.release();
            return;
        }
    }
}

void FileSystem::dead_name(mach::PortName name)
{
    if (m_parked.forget(name))
        return; // a parked request's caller went away
    for (uint32_t i = 0; i < m_translated_count; i++) {
        Node& node = *m_translated[i];
        if (node.active_translator == name) {
            // The ports library drops the dead name itself.
            m_translated[i] = m_translated[--m_translated_count];
            node.active_translator = mach::kNullName;
            node.release();
            return;
        }
    }
}

Error FileSystem::serve(SetTranslator, const rpc::Incoming<SetTranslator>& in, rpc::Outgoing<SetTranslator>&)
{
    const rpc::Right& given = in.rights[0];
    PerOpen* peropen = peropen_of(in.payload);
    Error status = Error::none;
    Node* node = peropen ? peropen->node() : nullptr;
    const Credentials* who = peropen ? &credentials_of(*peropen) : nullptr;
    if (!node)
        status = Error::permission_denied;
    else if (!who->is_root() && who->uid != node->stat.uid)
        status = Error::permission_denied; // only the owner attaches translators
    else if ((in.body.flags & kSetActive) && node->active_translator != mach::kNullName && (in.body.flags & kKeepActive))
        status = Error::busy;
    else if ((in.body.flags & kSetActive) && given.name != mach::kNullName && given.disposition != mach::Disposition::move_send)
        status = Error::invalid_right;
    if (status == Error::none && (in.body.flags & kSetPassive)) {
        const char* command = in.body.passive.c_str();
        Result<char*> copy = command[0] ? heap::copy_text(command) : Result<char*>(static_cast<char*>(nullptr));
        status = copy.ok() ? Error::none : copy.error();
        if (copy.ok()) {
            heap::free(node->passive_translator);
            node->passive_translator = copy.value();
        }
    }
    bool keep_given = false;
    if (status == Error::none && (in.body.flags & kSetActive)) {
        detach(*node);
        if (given.name != mach::kNullName) {
            status = attach(*node, given.name);
            keep_given = status == Error::none;
        }
    }
    if (!keep_given && given.name != mach::kNullName)
        rpc::release(given);
    if (status == Error::none)
        node->stat.change_ns = now_ns();
    return status;
}

Error FileSystem::serve(GetTranslator, const rpc::Incoming<GetTranslator>& in, rpc::Outgoing<GetTranslator>& out)
{
    PerOpen* peropen = peropen_of(in.payload);
    if (!peropen)
        return Error::permission_denied;
    const char* passive = peropen->node()->passive_translator;
    out.body.passive.set(passive ? passive : "");
    return Error::none;
}

Error FileSystem::serve(GetTranslatorControl, const rpc::Incoming<GetTranslatorControl>& in,
    rpc::Outgoing<GetTranslatorControl>& out)
{
    PerOpen* peropen = peropen_of(in.payload);
    if (!peropen)
        return Error::permission_denied;
    Node& node = *peropen->node();
    const Credentials& who = credentials_of(*peropen);
    if (!who.is_root() && who.uid != node.stat.uid)
        return Error::permission_denied;
    if (node.active_translator == mach::kNullName)
        return Error::not_found;
    out.rights[0] = { node.active_translator, mach::Disposition::copy_send };
    return Error::none;
}

} // namespace fs
