// Starting a node's passive translator as the node's owner, as the Hurd's
// fshelp does: the file system never hands anything it starts its own
// rights.
//
// - Identity: an auth handle for the owner's uid and gid, made through the
//   file system's own auth port (auth MakeHandle). Without an auth port the
//   translator gets no handle.
// - Program: found as the owner would find it, and only if the owner may
//   read and execute it (search permission on every directory on the way,
//   read and execute on the file). In the file system's own tree when it
//   has no root directory of its own (the root file system), else through
//   its root directory reauthenticated as the owner (a tmpfs on /tmp finds
//   /hurd/... in the root file system).
// - Init ports: root and working directory (both the root, for the owner:
//   a peropen of this file system's root with the owner's credentials, or
//   its root directory reauthenticated), the owner's auth handle, and a
//   proc handle of its own as the file system's child.
// - Standard output and error: the file `.NAME.log` beside the node NAME,
//   truncated at each start, if it exists and is a regular file of the
//   owner's with one link (the owner makes it to see what the translator
//   says: `touch .NAME.log`); otherwise none (closed, and so not the kernel
//   log either). The file system never creates it: a name in a directory
//   the owner may not write is never made for them.
#include <freestanding/initial_stack.h>
#include <freestanding/text.h>
#include <fs_client/client.h>
#include <fs_server/file_system.h>
#include <fs_server/path.h>
#include <fs_server/translator_start.h>
#include <heap/heap.h>
#include <interfaces/auth.h>
#include <rpc/client.h>
#include <runtime/mach.h>

namespace fs {
namespace {

constexpr uint64_t kMaxProgramSize = 64ull << 20;
constexpr uint32_t kDirectoryAccess = kRead | kExecute;

// The bytes of a program's node (heap; the caller frees them).
Result<uint8_t*> read_program(Node& node)
{
    uint64_t size = node.stat.size;
    if (size == 0 || size > kMaxProgramSize)
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

// A new auth handle for `ids`, made through `auth` (auth MakeHandle).
Result<mach::PortName> make_handle(mach::PortName auth, const Credentials& ids)
{
    rpc::Rights<1> got;
    auth::MakeHandle::Reply reply {};
    TRY_STATUS(rpc::call<auth::MakeHandle>(auth, { ids }, reply, {}, &got, FileSystem::kTranslatorTimeoutNs));
    return got[0].name;
}

void release_name(mach::PortName& name)
{
    if (name != mach::kNullName)
        rpc::release({ name, mach::Disposition::move_send });
    name = mach::kNullName;
}

// What a passive translator is started with, made for its owner; every
// right in it is the file system's until released here.
struct OwnerStart {
    exec::InitPorts init;
    exec::Descriptors descriptors;
    uint8_t* image = nullptr;
    size_t size = 0;

    ~OwnerStart()
    {
        for (mach::PortName& name : init.at)
            release_name(name);
        for (uint32_t fd = 0; fd < descriptors.count; fd++)
            release_name(descriptors.names[fd]);
        heap::free(image);
    }
};

} // namespace

Result<Node*> FileSystem::find_program(Node& from, const char* path, const Credentials& owner)
{
    Node* at = &from;
    at->reference();
    char name[kMaxName + 1];
    PathComponent component;
    for (size_t position = 0; fs::next_component(path, position, component);) {
        bool fits = copy_component(component, name, sizeof(name));
        Error refused = Error::none;
        if (!fits)
            refused = Error::name_too_long;
        else if (!is_directory(at->stat.mode))
            refused = Error::not_directory;
        else if (!allowed(at->stat, owner, kExecute))
            refused = Error::permission_denied; // the owner may not search it
        if (refused != Error::none) {
            at->release();
            return refused;
        }
        Node* next = nullptr;
        Error found = at->lookup(name, next);
        at->release();
        if (found != Error::none)
            return found;
        at = next;
    }
    if (!is_regular(at->stat.mode) || !allowed(at->stat, owner, kRead | kExecute)) {
        at->release();
        return Error::permission_denied;
    }
    return at;
}

Result<mach::PortName> FileSystem::root_for_owner(uint32_t credentials, mach::PortName handle)
{
    if (m_root_directory == mach::kNullName)
        return open_node(m_root, kDirectoryAccess, credentials);
    // A root directory of this very file system: a peropen of its node, for the owner.
    Result<PerOpen*> ours = peropen_sent({ m_root_directory, mach::Disposition::copy_send });
    if (ours.ok())
        return open_node(*ours.value()->node(), kDirectoryAccess, credentials);
    if (handle == mach::kNullName)
        return Error::permission_denied; // nobody to prove the owner's identity with
    return client::reauthenticate(m_root_directory, handle);
}

Result<uint8_t*> FileSystem::program_for_owner(
    const char* path, const Credentials& owner, mach::PortName root, size_t& size)
{
    Result<PerOpen*> ours = root != mach::kNullName ? peropen_sent({ root, mach::Disposition::copy_send })
                                                    : Result<PerOpen*>(Error::invalid_name);
    if (ours.ok()) {
        Node* program = TRY(find_program(*ours.value()->node(), path, owner));
        Result<uint8_t*> image = read_program(*program);
        size = program->stat.size;
        program->release();
        return image;
    }
    if (root == mach::kNullName)
        return Error::permission_denied;
    // In another file system (the root one): opened as the owner, which checks the owner's rights.
    mach::PortName file = TRY(client::open(root, root, path, kRead | kExecute));
    Result<Stat> stat = client::stat(file);
    Result<uint8_t*> image = !stat.ok() ? Result<uint8_t*>(stat.error())
        : is_regular(stat.value().mode) ? client::read_all(file, size, kMaxProgramSize)
                                        : Result<uint8_t*>(Error::permission_denied);
    client::close(file);
    return image;
}

Error FileSystem::open_log(Node* directory, const char* name, uint32_t credentials, exec::Descriptors& descriptors)
{
    // No standard input; output and error closed unless the log opens.
    descriptors.count = 3;
    if (!directory || !name)
        return Error::none;
    char log_name[kMaxName + 1];
    size_t length = freestanding::text_length(name);
    if (length + 6 > kMaxName)
        return Error::none; // no room for the log's name: no log
    log_name[0] = '.';
    __builtin_memcpy(log_name + 1, name, length);
    __builtin_memcpy(log_name + 1 + length, ".log", 5);
    Node* log = nullptr;
    if (directory->lookup(log_name, log) != Error::none)
        return Error::none;
    const Credentials& owner = m_credentials[credentials];
    bool usable = is_regular(log->stat.mode) && log->stat.uid == owner.uid && log->stat.links == 1
        && allowed(log->stat, owner, kWrite);
    Error status = usable ? log->set_size(0) : Error::none;
    for (uint32_t fd = 1; usable && status == Error::none && fd <= 2; fd++) {
        Result<mach::PortName> right = open_node(*log, kWrite | kAppend, credentials);
        status = right.ok() ? Error::none : right.error();
        descriptors.names[fd] = right.ok() ? right.value() : mach::kNullName;
    }
    log->release();
    return status;
}

Error FileSystem::start_passive(Node* directory, const char* name, Node& node)
{
    char storage[kMaxPath];
    const char* argv[freestanding::kMaxInitialArgs];
    size_t argc = TRY(freestanding::split_arguments(node.passive_translator, storage, sizeof(storage), argv));
    if (argc == 0)
        return Error::invalid_argument;
    Credentials owner = owner_of(node.stat);
    uint32_t credentials = TRY(intern(owner));
    OwnerStart start;
    if (m_auth != mach::kNullName)
        start.init[exec::kAuth] = TRY(make_handle(m_auth, owner));
    start.init[exec::kRootDirectory] = TRY(root_for_owner(credentials, start.init[exec::kAuth]));
    start.init[exec::kWorkingDirectory] = start.init[exec::kRootDirectory];
    // Each slot holds a reference of its own.
    TRY_STATUS(mach::port_mod_refs(m_server.task(), start.init[exec::kRootDirectory], mach::RightType::send, 1));
    start.image = TRY(program_for_owner(argv[0], owner, start.init[exec::kRootDirectory], start.size));
    TRY_STATUS(open_log(directory, name, credentials, start.descriptors));
    // Registered with proc under the file system's own handle (startup's,
    // for the root file system): the translator gets a handle of its own.
    start.init[exec::kProc] = m_proc;
    int32_t pid = 0;
    mach::PortName task = mach::kNullName;
    // The program may never answer its Startup: nobody else waits for it.
    Result<mach::PortName> control = [&] {
        runtime::Unlocked unlocked(m_lock);
        return start_translator({ start.image, start.size, argv, argc, nullptr, 0 }, kTranslatorTimeoutNs, start.init,
            &task, &start.descriptors, &pid);
    }();
    start.init[exec::kProc] = mach::kNullName; // the file system's, not the start's
    remember_child(pid);
    if (!control.ok()) {
        translator_ended(); // it was ended (or ended itself): reaped now
        return control.error();
    }
    if (node.active_translator != mach::kNullName) {
        // Another lookup started one meanwhile: that one serves, and this
        // one is ended (remember_child reaps it).
        rpc::release({ control.value(), mach::Disposition::move_send });
        end_translator(task);
        return Error::none;
    }
    if (Error attached = attach(node, control.value()); attached != Error::none) {
        rpc::release({ control.value(), mach::Disposition::move_send });
        end_translator(task); // nothing would ever reach it
        return attached;
    }
    (void)mach::port_deallocate(m_server.task(), task);
    return Error::none;
}

} // namespace fs
