#include <fs_server/control.h>
#include <heap/heap.h>

namespace fs {

Control::Control(ports::Server& server, FileSystem& file_system, const char* options)
    : m_server(server)
    , m_file_system(file_system)
    , m_options(heap::copy_text(options).value_or(nullptr))
{
}

Control::~Control() { heap::free(m_options); }

Error Control::adopt(mach::PortName port) { return m_server.adopt_port(port, *this); }

bool Control::serve(mach::MessageHeader& request, rpc::ReplyBuffer& reply)
{
    runtime::Locked locked(m_file_system.lock());
    return rpc::Interface<fsys::GetRoot, fsys::GetOptions, fsys::SetOptions, fsys::GoAway, fsys::Statistics>::dispatch(
        *this, request, reply);
}

Error Control::serve(fsys::GetRoot, const rpc::Incoming<fsys::GetRoot>& in, rpc::Outgoing<fsys::GetRoot>& out)
{
    const Node& node = m_file_system.root();
    if (is_symlink(node.stat.mode) && node.target() && !(in.body.flags & kNoFollow))
        return out.body.link.set(node.target()) ? Error::none : Error::name_too_long; // followed by the asker
    mach::PortName root = TRY(m_file_system.open_root(in.body.who, in.body.flags));
    out.rights[0] = { root, mach::Disposition::move_send };
    return Error::none;
}

Error Control::serve(fsys::GetOptions, const rpc::Incoming<fsys::GetOptions>&, rpc::Outgoing<fsys::GetOptions>& out)
{
    if (m_file_system.root().describe_options(out.body.options.chars, sizeof(out.body.options.chars)))
        return Error::none;
    return out.body.options.set(m_options ? m_options : "") ? Error::none : Error::name_too_long;
}

Error Control::serve(fsys::SetOptions, const rpc::Incoming<fsys::SetOptions>& in, rpc::Outgoing<fsys::SetOptions>&)
{
    char* copy = TRY(heap::copy_text(in.body.options.c_str()));
    if (Error status = m_file_system.root().apply_options(copy); status != Error::none) {
        heap::free(copy);
        return status;
    }
    heap::free(m_options);
    m_options = copy;
    return Error::none;
}

Error Control::serve(fsys::GoAway, const rpc::Incoming<fsys::GoAway>& in, rpc::Outgoing<fsys::GoAway>&)
{
    if (m_file_system.peropens() != 0 && !in.body.force)
        return Error::busy;
    m_server.shut_down();
    return Error::none;
}

Error Control::serve(fsys::Statistics, const rpc::Incoming<fsys::Statistics>&, rpc::Outgoing<fsys::Statistics>& out)
{
    out.body.open_files = m_file_system.peropens();
    out.body.open_file_bytes = m_file_system.peropen_bytes();
    return Error::none;
}

} // namespace fs
