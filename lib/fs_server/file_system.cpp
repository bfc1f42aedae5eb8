// FileSystem: made over a root, started on a port of its server, and its
// requests dispatched to the operations (the other file_system_*.cpp
// files, one concern each: see file_system.h).
#include <fs_server/file_system.h>
#include <rpc/client.h>

namespace fs {
namespace {

using Interface = rpc::Interface<io::Read, io::Write, io::Select, io::Seek, io::GetStat, io::Duplicate,
    io::Reauthenticate, Lookup, ReadDirectory, MakeDirectory, RemoveDirectory, Unlink, Symlink, ReadLink, SetAttribute,
    Rename, Link, SetTranslator, GetTranslator, GetTranslatorControl>;

} // namespace

FileSystem::FileSystem(ports::Server& server, Node& root)
    : m_server(server)
    , m_root(root)
{
    root.reference();
}

FileSystem::~FileSystem()
{
    while (m_translated_count)
        detach(*m_translated[0]);
    m_root.release();
    if (m_auth != mach::kNullName)
        rpc::release({ m_auth, mach::Disposition::move_send });
    if (m_proc != mach::kNullName)
        rpc::release({ m_proc, mach::Disposition::move_send });
    if (m_root_directory != mach::kNullName)
        rpc::release({ m_root_directory, mach::Disposition::move_send });
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
    runtime::Locked locked(m_lock);
    if (Interface::dispatch(*this, request, reply))
        return true;
    PerOpen* peropen = peropen_of(request.payload);
    return peropen && peropen->node()->serve_device(request, reply);
}

} // namespace fs
