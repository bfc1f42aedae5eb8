#include "console.h"

#include <exec/child.h>
#include <fs_client/client.h>
#include <interfaces/fs.h>
#include <interfaces/term.h>
#include <rpc/client.h>
#include <rpc/rights.h>
#include <runtime/mach.h>

#include "boot_server.h"

namespace startup {
namespace {

constexpr const char* kConsole = "/dev/console";

// Queues the device port on term's service port, behind its start message.
Error grant_device(mach::PortName term)
{
    mach::SelfPorts self {};
    TRY_STATUS(mach::self_ports(&self));
    struct {
        mach::MessageHeader header;
        mach::PortDescriptor right;
    } grant {};
    grant.header.destination = term;
    grant.header.destination_disposition = mach::Disposition::copy_send;
    grant.header.id = term::kDeviceGrantId;
    grant.header.size = sizeof(grant);
    grant.header.descriptor_count = 1;
    rpc::Right device { self.device, mach::Disposition::copy_send };
    rpc::put_rights(rpc::descriptors_of(grant.header), &device, 1);
    return mach::msg(&grant.header, mach::kSend | mach::kSendTimeout, sizeof(grant), 0, mach::kNullName, 0);
}

Error attach(mach::PortName root, mach::PortName control)
{
    mach::PortName node
        = TRY(fs::client::open(root, root, kConsole, fs::kRead | fs::kCreate | fs::kNoTranslator, 0666));
    fs::SetTranslator::Request request {};
    request.flags = fs::kSetActive;
    rpc::Rights<1> give;
    give[0] = { control, mach::Disposition::copy_send };
    fs::SetTranslator::Reply reply {};
    Error status = rpc::call<fs::SetTranslator>(node, request, reply, give);
    fs::client::close(node);
    return status;
}

} // namespace

Error start_console(const exec::InitPorts& init)
{
    exec::InitPorts term_init;
    term_init[exec::kProc] = init[exec::kProc];
    term_init[exec::kAuth] = init[exec::kAuth];
    const char* argv[] = { "term" };
    mach::PortName task = mach::kNullName;
    mach::PortName control = TRY(start_boot_server("term", argv, 1, term_init, &task));
    exec::list_child(init[exec::kProc], task, "term");
    Error status = grant_device(control);
    if (status == Error::none)
        status = attach(init[exec::kRootDirectory], control);
    rpc::release({ control, mach::Disposition::move_send }); // the root file system keeps its own
    return status;
}

Result<exec::Descriptors*> open_console(const exec::InitPorts& init)
{
    static exec::Descriptors table;
    mach::PortName root = init[exec::kRootDirectory];
    mach::PortName console = TRY(fs::client::open(root, root, kConsole, fs::kRead | fs::kWrite));
    mach::SelfPorts self {};
    TRY_STATUS(mach::self_ports(&self));
    TRY_STATUS(mach::port_mod_refs(self.task, console, mach::RightType::send, 2));
    table.count = 3;
    table.names[0] = table.names[1] = table.names[2] = console;
    return &table;
}

} // namespace startup
