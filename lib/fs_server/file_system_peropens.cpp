// A peropen's life: made with a right that names it, found from the
// payload of a right a request came through (or that a client sent back),
// freed when its last right dies.
#include <fs_server/file_system.h>
#include <runtime/mach.h>

namespace fs {

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
    runtime::Locked locked(m_lock);
    m_parked.drop(*peropen);
    peropen->node()->closed(peropen->flags());
    peropen->node()->release();
    m_peropens.destroy(peropen);
    __atomic_sub_fetch(&m_peropen_count, 1, __ATOMIC_RELAXED);
}

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

} // namespace fs
