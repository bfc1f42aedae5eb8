// Operations on a task, sent to its task port.
#include <arch/x86_64/per_cpu.h>
#include <ipc/name_space.h>
#include <ipc/port.h>
#include <kern/task.h>
#include <kern/thread.h>
#include <kobject/kernel_object_server.h>
#include <vm/address_space.h>

namespace kern {
namespace {

Error task_info(Task& task, KernelRequest& request)
{
    mach::TaskInfo info {};
    __builtin_memcpy(info.name, task.name(), sizeof(info.name) - 1);
    info.resident_pages = task.address_space().resident_pages();
    info.thread_count = uint32_t(task.thread_count());
    info.port_names = task.name_space().name_count();
    request.set_result(info);
    return Error::none;
}

// A send right to a kernel port, for a result.
ipc::CarriedRight send_right_to(ipc::Port& port)
{
    port.make_send_right();
    return ipc::CarriedRight::send(port);
}

// The new task counts against the account of the task asked (its creator).
Error task_create(Task& task, KernelRequest& request)
{
    Result<mach::TaskCreateRequest> body = request.body<mach::TaskCreateRequest>();
    if (!body.ok())
        return body.error();
    char name[sizeof(body.value().name) + 1] = {};
    __builtin_memcpy(name, body.value().name, sizeof(body.value().name));
    Result<Task*> child = Task::create(name, &task);
    if (!child.ok())
        return child.error();
    request.set_result_right(send_right_to(child.value()->port()));
    return Error::none;
}

Error task_fork(Task& task, KernelRequest& request)
{
    Result<mach::TaskForkRequest> body = request.body<mach::TaskForkRequest>();
    if (!body.ok())
        return body.error();
    if ((body.value().flags & ~uint32_t(mach::kForkMemory)) != 0)
        return Error::invalid_argument;
    char name[sizeof(body.value().name) + 1] = {};
    __builtin_memcpy(name, body.value().name, sizeof(body.value().name));
    if (task.exiting())
        return Error::port_dead;
    Result<Task*> child = task.fork(name, body.value().flags);
    if (!child.ok())
        return child.error();
    request.set_result_right(send_right_to(child.value()->port()));
    return Error::none;
}

Error thread_create(Task& task, KernelRequest& request)
{
    Result<mach::ThreadCreateRequest> body = request.body<mach::ThreadCreateRequest>();
    if (!body.ok())
        return body.error();
    const mach::ThreadCreateRequest& start = body.value();
    // A non-canonical address would fault in the kernel on the way to user mode.
    if (!arch::is_canonical_user(start.rip) || !arch::is_canonical_user(start.rsp)
        || !arch::is_canonical_user(start.fs_base))
        return Error::bad_address;
    if (task.exiting())
        return Error::port_dead;
    Result<Thread*> thread
        = Thread::create_user(task, start.rip, start.rsp, kDefaultPriority, start.argument, start.fs_base);
    if (!thread.ok())
        return thread.error();
    request.set_result_right(send_right_to(*thread.value()->port()));
    return Error::none;
}

Error set_bootstrap(Task& task, KernelRequest& request)
{
    ipc::CarriedRight right = request.take_port_argument();
    if (right.empty())
        return Error::invalid_right;
    Result<mach::PortName> name = task.name_space().put_right(right); // released on failure
    if (!name.ok())
        return name.error();
    task.bootstrap_name = name.value();
    return Error::none;
}

} // namespace

Error serve_task(void* object, KernelRequest& request)
{
    Task& task = *static_cast<Task*>(object);
    if (request.id() == uint32_t(mach::NotificationKind::no_senders)) {
        // Nobody can reach the task any more: one that never ran is freed
        // (a running one ends with its last thread).
        Task::destroy_unstarted(&task);
        return Error::none;
    }
    switch (static_cast<mach::KernelCall>(request.id())) {
    case mach::KernelCall::task_terminate: {
        Result<mach::TaskTerminateRequest> body = request.body<mach::TaskTerminateRequest>();
        if (!body.ok())
            return body.error();
        task.kill(body.value().status);
        Task::destroy_unstarted(&task); // one without threads ends here and now
        return Error::none;
    }
    case mach::KernelCall::task_info: return task_info(task, request);
    case mach::KernelCall::task_create: return task_create(task, request);
    case mach::KernelCall::task_fork: return task_fork(task, request);
    case mach::KernelCall::thread_create: return thread_create(task, request);
    case mach::KernelCall::task_set_bootstrap: return set_bootstrap(task, request);
    default: return Error::not_supported;
    }
}

} // namespace kern
