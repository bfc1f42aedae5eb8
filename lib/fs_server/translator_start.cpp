#include <exec/init_ports.h>
#include <fs_server/translator_start.h>
#include <interfaces/fsys.h>
#include <rpc/rights.h>
#include <rpc/wire.h>
#include <runtime/kernel_call.h>
#include <runtime/mach.h>

namespace fs {
namespace {

// Waits on `startup` for the new translator's fsys Startup and answers it:
// its control port (a send right the caller owns).
Result<mach::PortName> await_startup(mach::PortName startup, uint64_t timeout_ns)
{
    rpc::RequestMessage<fsys::Startup> request {};
    struct {
        rpc::ReplyMessage<fsys::Startup> message;
        uint8_t room[64];
    } buffer {};
    Error status = mach::msg(
        &buffer.message.header, mach::kReceive | mach::kReceiveTimeout, 0, sizeof(buffer), startup, timeout_ns);
    if (status != Error::none)
        return status;
    __builtin_memcpy(&request, &buffer.message, sizeof(request) < sizeof(buffer) ? sizeof(request) : sizeof(buffer));
    rpc::Rights<1> control;
    bool well_formed = request.header.id == fsys::Startup::kId && request.header.reply != mach::kNullName
        && rpc::take_rights(request.header, control.at, 1) && control[0].disposition == mach::Disposition::move_send;
    if (!well_formed) {
        rpc::release_carried(buffer.message.header);
        return Error::invalid_reply;
    }
    rpc::ReplyMessage<fsys::Startup> reply {};
    reply.header.destination = request.header.reply;
    reply.header.destination_disposition = request.header.reply_disposition;
    reply.header.id = fsys::Startup::kId | rpc::kReplyBit;
    reply.header.size = sizeof(reply);
    (void)mach::msg(&reply.header, mach::kSend | mach::kSendTimeout, sizeof(reply), 0, 0, 0);
    return control[0].name;
}

} // namespace

Result<mach::PortName> start_translator(
    const exec::Program& program, uint64_t timeout_ns, exec::InitPorts init, mach::PortName* task_out)
{
    mach::SelfPorts self {};
    TRY_STATUS(mach::self_ports(&self));
    // Its parent: a port of ours it sends fsys Startup to.
    mach::PortName startup = mach::kNullName;
    TRY_STATUS(mach::port_allocate(self.task, mach::RightType::receive, &startup));
    mach::PortName parent = mach::kNullName;
    Error status = mach::port_extract_right(self.task, startup, mach::Disposition::make_send, &parent);
    init[exec::kParent] = parent;
    Result<mach::PortName> bootstrap
        = status == Error::none ? exec::make_bootstrap(init) : Result<mach::PortName>(status);
    if (parent != mach::kNullName)
        (void)mach::port_deallocate(self.task, parent); // the start message holds its copy
    Result<mach::PortName> task = bootstrap.ok()
        ? exec::spawn(program, bootstrap.value(), mach::Disposition::move_receive)
        : Result<mach::PortName>(bootstrap.error());
    if (bootstrap.ok() && !task.ok())
        (void)mach::port_destroy(self.task, bootstrap.value()); // never moved: it goes, with its message
    Result<mach::PortName> control
        = task.ok() ? await_startup(startup, timeout_ns) : Result<mach::PortName>(task.error());
    (void)mach::port_destroy(self.task, startup);
    if (task.ok()) {
        if (!control.ok()) { // it never came up: do not leave it half started
            mach::TaskTerminateRequest end { 1, 0 };
            (void)mach::kernel_call(task.value(), mach::KernelCall::task_terminate, &end, sizeof(end), nullptr, 0);
        }
        if (task_out && control.ok())
            *task_out = task.value();
        else
            (void)mach::port_deallocate(self.task, task.value());
    }
    return control;
}

} // namespace fs
