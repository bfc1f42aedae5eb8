// Starting a node's passive translator: its program is found in this file
// system (no links, no translators on the way), read, and started as a
// translator whose control port is attached to the node.
#include <exec/child.h>
#include <freestanding/initial_stack.h>
#include <fs_server/file_system.h>
#include <fs_server/path.h>
#include <fs_server/translator_start.h>
#include <heap/heap.h>
#include <rpc/client.h>

namespace fs {

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
    const char* argv[freestanding::kMaxInitialArgs];
    size_t argc = TRY(freestanding::split_arguments(node.passive_translator, storage, sizeof(storage), argv));
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
    // The program may never answer its Startup: nobody else waits for it.
    Result<mach::PortName> control = [&] {
        runtime::Unlocked unlocked(m_lock);
        return start_translator({ image.value(), size, argv, argc, nullptr, 0 }, kTranslatorTimeoutNs, init, &task);
    }();
    heap::free(image.value());
    if (!control.ok())
        return control.error();
    if (node.active_translator != mach::kNullName) {
        // Another lookup started one meanwhile: that one serves.
        rpc::release({ control.value(), mach::Disposition::move_send });
        exec::list_child(m_proc, task, argv[0]);
        return Error::none;
    }
    exec::list_child(m_proc, task, argv[0]);
    if (Error attached = attach(node, control.value()); attached != Error::none) {
        rpc::release({ control.value(), mach::Disposition::move_send });
        return attached;
    }
    return Error::none;
}

} // namespace fs
