#include <fs/node.h>

namespace fs {

Error Node::read(uint64_t, uint8_t*, uint32_t&) { return Error::not_supported; }
Error Node::write(uint64_t, const uint8_t*, uint32_t) { return Error::not_supported; }
Error Node::set_size(uint64_t) { return Error::not_supported; }
Error Node::lookup(const char*, Node*&) { return Error::not_supported; }
Error Node::entry_at(uint64_t, DirectoryEntry&) { return Error::not_supported; }
Error Node::create(const char*, uint32_t, const Credentials&, const char*, Node*&) { return Error::not_supported; }
Error Node::link(const char*, Node&) { return Error::not_supported; }
Error Node::remove(const char*) { return Error::not_supported; }
Node& Node::parent() { return *this; }

} // namespace fs
