// Operations on a thread, sent to its thread port.
#include <kern/scheduler.h>
#include <kern/thread.h>
#include <kobject/kernel_object_server.h>

namespace kern {

Error serve_thread(void* object, KernelRequest& request)
{
    Thread& thread = *static_cast<Thread*>(object);
    switch (static_cast<mach::KernelCall>(request.id())) {
    case mach::KernelCall::thread_terminate:
        // It ends before it would return to user mode (at once if it waits).
        Scheduler::interrupt(thread);
        return Error::none;
    case mach::KernelCall::thread_info: {
        mach::ThreadInfo info { thread.id(), thread.priority(), uint32_t(thread.state()) };
        request.set_result(info);
        return Error::none;
    }
    default: return Error::not_supported;
    }
}

} // namespace kern
