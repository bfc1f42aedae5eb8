// A file system's control port (the fsys interface), served for an
// fs::FileSystem. It is a port of its own: holding it is the trust.
#pragma once

#include <fs_server/file_system.h>
#include <interfaces/fsys.h>

namespace fs {

class Control final : public ports::Receiver {
public:
    // `options` (copied; the file system's command line) is what
    // GetOptions answers until SetOptions changes them.
    Control(ports::Server& server, FileSystem& file_system, const char* options);
    ~Control();
    Control(const Control&) = delete;
    Control& operator=(const Control&) = delete;

    // Serves `port` (a receive right the translator was given: its bootstrap port, say).
    Error adopt(mach::PortName port);

    bool serve(mach::MessageHeader& request, rpc::ReplyBuffer& reply) override;
    void payload_released(uint64_t) override { }

    Error serve(fsys::GetRoot, const rpc::Incoming<fsys::GetRoot>&, rpc::Outgoing<fsys::GetRoot>&);
    Error serve(fsys::GetOptions, const rpc::Incoming<fsys::GetOptions>&, rpc::Outgoing<fsys::GetOptions>&);
    Error serve(fsys::SetOptions, const rpc::Incoming<fsys::SetOptions>&, rpc::Outgoing<fsys::SetOptions>&);
    Error serve(fsys::GoAway, const rpc::Incoming<fsys::GoAway>&, rpc::Outgoing<fsys::GoAway>&);
    Error serve(fsys::Statistics, const rpc::Incoming<fsys::Statistics>&, rpc::Outgoing<fsys::Statistics>&);

private:
    ports::Server& m_server;
    FileSystem& m_file_system;
    char* m_options; // from lib/heap (null: none, or no memory for them)
};

} // namespace fs
