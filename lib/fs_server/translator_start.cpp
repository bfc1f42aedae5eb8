#include <exec/child.h>
#include <exec/init_ports.h>
#include <fs_server/translator_start.h>
#include <interfaces/fsys.h>
#include <rpc/client.h>
#include <rpc/rights.h>
#include <rpc/wire.h>
#include <runtime/kernel_call.h>
#include <runtime/mach.h>

namespace fs {
namespace {

void terminate(mach::PortName task)
{
    mach::TaskTerminateRequest end { 1, 0 };
    (void)mach::kernel_call(task, mach::KernelCall::task_terminate, &end, sizeof(end), nullptr, 0);
}

// Waits on `startup` for the new translator's fsys Startup and answers it:
// its control port (a send right the caller owns). The translator's death
// (a dead-name notification for its task, requested to `startup` too)
// ends the wait at once: port_dead.
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
    if (buffer.message.header.id == uint32_t(mach::NotificationKind::dead_name))
        return Error::port_dead; // it ended before it came up
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

// Loads `program` into `task` (new, registered with proc if init[kProc])
// with `init` and `descriptors` on its bootstrap port, and starts it.
Error load_translator(mach::PortName self, mach::PortName task, const exec::Program& program, exec::InitPorts init,
    const exec::Descriptors* descriptors, int32_t& pid)
{
    Result<mach::PortName> handle = init[exec::kProc] != mach::kNullName
        ? exec::register_child(init[exec::kProc], task, program.argv[0], pid)
        : Result<mach::PortName>(mach::kNullName);
    // Registration failing is not fatal: the translator runs on, unlisted.
    init[exec::kProc] = handle.ok() ? handle.value() : mach::kNullName;
    Error status = descriptors ? exec::share_descriptors(task, *descriptors) : Error::none;
    Result<mach::PortName> bootstrap = status == Error::none ? exec::make_bootstrap(init, mach::kNullName, descriptors)
                                                             : Result<mach::PortName>(status);
    if (init[exec::kProc] != mach::kNullName)
        rpc::release({ init[exec::kProc], mach::Disposition::move_send }); // the start message holds its copy
    if (!bootstrap.ok())
        return bootstrap.error();
    status = exec::load(task, program, bootstrap.value(), mach::Disposition::move_receive);
    if (status != Error::none)
        (void)mach::port_destroy(self, bootstrap.value()); // never moved: it goes, with its message
    return status;
}

} // namespace

Result<mach::PortName> start_translator(const exec::Program& program, uint64_t timeout_ns, exec::InitPorts init,
    mach::PortName* task_out, const exec::Descriptors* descriptors, int32_t* pid_out)
{
    int32_t pid = 0;
    if (program.argc == 0)
        return Error::invalid_argument;
    mach::SelfPorts self {};
    TRY_STATUS(mach::self_ports(&self));
    mach::PortName task = TRY(exec::create_task(program.argv[0]));
    // Its parent: a port of ours it sends fsys Startup to, where its death is told as well.
    mach::PortName startup = mach::kNullName;
    Error status = mach::port_allocate(self.task, mach::RightType::receive, &startup);
    mach::PortName previous = mach::kNullName;
    if (status == Error::none)
        status = mach::port_request_notification(
            self.task, task, mach::NotificationKind::dead_name, startup, mach::Disposition::make_send_once, &previous);
    mach::PortName parent = mach::kNullName;
    if (status == Error::none)
        status = mach::port_extract_right(self.task, startup, mach::Disposition::make_send, &parent);
    init[exec::kParent] = parent;
    if (status == Error::none)
        status = load_translator(self.task, task, program, init, descriptors, pid);
    if (parent != mach::kNullName)
        (void)mach::port_deallocate(self.task, parent); // the start message holds its copy
    Result<mach::PortName> control
        = status == Error::none ? await_startup(startup, timeout_ns) : Result<mach::PortName>(status);
    if (!control.ok()) // it never came up: do not leave it half started
        terminate(task);
    if (startup != mach::kNullName)
        (void)mach::port_destroy(self.task, startup);
    if (control.error() == Error::port_dead)
        (void)mach::port_deallocate(self.task, task); // the reference the notification left on the dead name
    if (pid_out)
        *pid_out = pid;
    if (task_out && control.ok())
        *task_out = task;
    else
        (void)mach::port_deallocate(self.task, task);
    return control;
}

void end_translator(mach::PortName task)
{
    terminate(task);
    mach::SelfPorts self {};
    if (mach::self_ports(&self) == Error::none)
        (void)mach::port_deallocate(self.task, task);
}

} // namespace fs
