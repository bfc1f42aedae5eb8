#include <fs_server/node.h>
#include <heap/heap.h>
#include <runtime/mach.h>

namespace fs {

Node::~Node()
{
    heap::free(passive_translator);
    if (active_translator != mach::kNullName) {
        mach::SelfPorts self {};
        if (mach::self_ports(&self) == Error::none)
            (void)mach::port_deallocate(self.task, active_translator);
    }
}

Error Node::read(uint64_t, uint8_t*, uint32_t&) { return Error::not_supported; }
Error Node::write(uint64_t, const uint8_t*, uint32_t) { return Error::not_supported; }
Error Node::set_size(uint64_t) { return Error::not_supported; }
Error Node::lookup(const char*, Node*&) { return Error::not_supported; }
Error Node::entry_at(uint64_t, DirectoryEntry&) { return Error::not_supported; }
Error Node::create(const char*, uint32_t, const Credentials&, const char*, Node*&) { return Error::not_supported; }
Error Node::link(const char*, Node&) { return Error::not_supported; }
Error Node::remove(const char*) { return Error::not_supported; }
Error Node::rename(const char*, Node&, const char*) { return Error::not_supported; }
Node& Node::parent() { return *this; }

} // namespace fs
