// Operations on a task, sent to its task port.
#include <ipc/name_space.h>
#include <kern/kernel_object_server.h>
#include <kern/task.h>
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

} // namespace

Error serve_task(void* object, KernelRequest& request)
{
    Task& task = *static_cast<Task*>(object);
    switch (static_cast<mach::KernelCall>(request.id())) {
    case mach::KernelCall::task_terminate: {
        Result<mach::TaskTerminateRequest> body = request.body<mach::TaskTerminateRequest>();
        if (!body.ok())
            return body.error();
        task.kill(body.value().status);
        return Error::none;
    }
    case mach::KernelCall::task_info:
        return task_info(task, request);
    default:
        return Error::not_supported;
    }
}

} // namespace kern
