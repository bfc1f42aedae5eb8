// User threads: created in a task, they enter user mode from their kernel stack.
#include <arch/x86_64/context_switch.h>
#include <arch/x86_64/cpu.h>
#include <arch/x86_64/user_entry.h>
#include <ipc/account.h>
#include <ipc/name_space.h>
#include <kern/scheduler.h>
#include <kern/task.h>
#include <kern/thread.h>
#include <kobject/kernel_ports.h>

namespace kern {

// A user thread's kernel body: straight to user mode at its start registers.
void thread_trampoline_user(void* argument)
{
    Thread& thread = *static_cast<Thread*>(argument);
    if (thread.kill_pending())
        Scheduler::exit_current();
    arch_enter_user_mode(thread.m_user_rip, thread.m_user_rsp, thread.m_user_argument);
}

Result<Thread*> Thread::create_user(
    Task& task, uint64_t rip, uint64_t rsp, int priority, uint64_t argument, uint64_t fs_base)
{
    {
        // Counted against the task's account (ipc/account.h) until Task::remove_thread.
        arch::InterruptsOff off;
        TRY(task.name_space().account().charge_object(ipc::Resource::threads));
    }
    Result<Thread*> created = create_with_stack(task.name(), priority, thread_trampoline_user, nullptr);
    Result<ipc::Port*> port = created.ok() ? create_kernel_port(ipc::KernelObject::thread, created.value())
                                           : Result<ipc::Port*>(created.error());
    if (!port.ok()) {
        if (created.ok())
            destroy(created.value());
        arch::InterruptsOff off;
        task.name_space().account().uncharge_object(ipc::Resource::threads);
        return port.error();
    }
    Thread* thread = created.value();
    thread->m_port = port.value();
    // The trampoline's argument is the thread itself, known only now.
    thread->m_saved_rsp = arch::prepare_thread_stack(thread->m_stack_top, thread_trampoline_user, thread);
    thread->m_user_rip = rip;
    thread->m_user_rsp = rsp;
    thread->m_user_argument = argument;
    thread->m_fs_base = fs_base;
    task.add_thread(*thread);
    Scheduler::make_ready(*thread);
    return thread;
}

} // namespace kern
