#include <arch/x86_64/cpu.h>
#include <kern/heap.h>
#include <kern/log.h>
#include <kern/never_destroyed.h>
#include <kern/scheduler.h>
#include <kern/slab.h>
#include <kern/task.h>
#include <kern/thread.h>
#include <vm/address_space.h>
#include <vm/kernel_space.h>
#include <vm/page_table.h>

namespace kern {
namespace {

ObjectCache<Task>& task_cache()
{
    static NeverDestroyed<ObjectCache<Task>> cache("task", kernel_page_provider());
    return cache.get();
}

size_t g_live_tasks = 0;

} // namespace

Result<Task*> Task::create(const char* name)
{
    vm::AddressSpace* space = TRY(vm::AddressSpace::create());
    Result<Task*> task = task_cache().create();
    if (!task.ok()) {
        vm::AddressSpace::destroy(space);
        return task.error();
    }
    Task& created = *task.value();
    created.m_space = space;
    size_t i = 0;
    for (; name && name[i] && i + 1 < sizeof(created.m_name); ++i)
        created.m_name[i] = name[i];
    __atomic_add_fetch(&g_live_tasks, 1, __ATOMIC_RELAXED);
    return &created;
}

void Task::destroy(Task* task)
{
    // Leaves CR3 on the kernel's tables if this space was live there.
    vm::AddressSpace::destroy(task->m_space);
    task_cache().destroy(task);
    __atomic_sub_fetch(&g_live_tasks, 1, __ATOMIC_RELAXED);
}

void Task::destroy_unstarted(Task* task)
{
    if (task->m_thread_count == 0)
        destroy(task);
}

// vm knows which space CR3 holds (one record, so a kernel thread that
// activates a space of its own cannot leave a stale copy here).
void Task::activate() { m_space->activate(); }

void Task::add_thread(Thread& thread)
{
    uint64_t flags = arch::save_and_disable_interrupts();
    thread.m_task = this;
    thread.m_next_in_task = m_threads;
    m_threads = &thread;
    ++m_thread_count;
    arch::restore_interrupts(flags);
}

void Task::remove_thread(Thread& thread)
{
    uint64_t flags = arch::save_and_disable_interrupts();
    for (Thread** link = &m_threads; *link; link = &(*link)->m_next_in_task) {
        if (*link == &thread) {
            *link = thread.m_next_in_task;
            break;
        }
    }
    thread.m_task = nullptr;
    bool last = --m_thread_count == 0;
    arch::restore_interrupts(flags);
    if (last) {
        log("task", "%s ended with status %d", m_name, m_exit_status);
        destroy(this);
    }
}

void Task::kill(int status)
{
    uint64_t flags = arch::save_and_disable_interrupts();
    if (!m_exiting) {
        m_exiting = true;
        m_exit_status = status;
    }
    for (Thread* thread = m_threads; thread; thread = thread->m_next_in_task)
        Scheduler::interrupt(*thread);
    arch::restore_interrupts(flags);
}

size_t Task::live_count() { return __atomic_load_n(&g_live_tasks, __ATOMIC_RELAXED); }

} // namespace kern
