#include <arch/x86_64/cpu.h>
#include <arch/x86_64/io_permission.h>
#include <debug/log.h>
#include <freestanding/slab.h>
#include <ipc/account.h>
#include <ipc/name_space.h>
#include <ipc/port.h>
#include <kern/never_destroyed.h>
#include <kern/scheduler.h>
#include <kern/task.h>
#include <kern/thread.h>
#include <kobject/kernel_ports.h>
#include <vm/address_space.h>
#include <vm/heap.h>
#include <vm/kernel_space.h>
#include <vm/page_table.h>

namespace kern {
namespace {

freestanding::ObjectCache<Task>& task_cache()
{
    static NeverDestroyed<freestanding::ObjectCache<Task>> cache("task", kernel_page_provider());
    return cache.get();
}

size_t g_live_tasks = 0;
Task* g_tasks = nullptr; // every live task, through m_next_task

} // namespace

Result<Task*> Task::create(const char* name, Task* creator, Lineage lineage)
{
    Task* created = TRY(task_cache().create());
    Result<void> parts = created->create_parts(creator, lineage);
    if (!parts.ok()) {
        created->destroy_parts();
        task_cache().destroy(created);
        return parts.error();
    }
    created->set_name(name);
    __atomic_add_fetch(&g_live_tasks, 1, __ATOMIC_RELAXED);
    arch::InterruptsOff off;
    created->m_next_task = g_tasks;
    if (g_tasks)
        g_tasks->m_previous_task = created;
    g_tasks = created;
    return created;
}

Result<void> Task::create_parts(Task* creator, Lineage lineage)
{
    {
        // Counted first: a task over its creator's limit costs nothing.
        arch::InterruptsOff off;
        ipc::Account* account = nullptr;
        if (creator)
            account = TRY(ipc::Account::create(&creator->name_space().account(), lineage == Lineage::built));
        m_name_space = TRY(ipc::NameSpace::create(account));
        TRY(m_name_space->account().charge_object(ipc::Resource::tasks));
        m_counted = true;
    }
    m_space = TRY(vm::AddressSpace::create());
    m_port = TRY(create_kernel_port(ipc::KernelObject::task, this));
    // When the last send right goes, the kernel is told (task_server.cpp):
    // a task that never got a thread is freed then.
    notify_when_unreferenced(*m_port);
    return {};
}

// Frees whatever create_parts made. The name space goes first: the rights
// the task held die (its servers learn of it), then its own port (whoever
// watches the task gets a dead-name notification), then its memory.
void Task::destroy_parts()
{
    if (m_port) {
        // From here on, a message to the task port (a no-senders
        // notification caused by the teardown itself, say) is not served.
        arch::InterruptsOff off;
        m_port->set_kernel_object(ipc::KernelObject::none, nullptr);
    }
    if (m_name_space) {
        arch::InterruptsOff off;
        if (m_counted)
            m_name_space->account().uncharge_object(ipc::Resource::tasks);
        ipc::NameSpace::destroy(m_name_space);
        m_name_space = nullptr;
    }
    destroy_kernel_port(m_port);
    arch::IoPermissions::destroy(m_io);
    m_io = nullptr;
    if (m_space) {
        // Leaves CR3 on the kernel's tables if this space was live there.
        vm::AddressSpace::destroy(m_space);
        m_space = nullptr;
    }
}

void Task::set_name(const char* name)
{
    size_t i = 0;
    for (; name && name[i] && i + 1 < sizeof(m_name); ++i)
        m_name[i] = name[i];
}

void Task::destroy(Task* task)
{
    {
        arch::InterruptsOff off;
        (task->m_previous_task ? task->m_previous_task->m_next_task : g_tasks) = task->m_next_task;
        if (task->m_next_task)
            task->m_next_task->m_previous_task = task->m_previous_task;
    }
    task->destroy_parts();
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
void Task::activate()
{
    m_space->activate();
    arch::load_io_permissions(m_io);
}

Result<void> Task::allow_io_ports(uint32_t first, uint32_t count)
{
    if (!m_io)
        m_io = TRY(arch::IoPermissions::create());
    TRY(m_io->allow(first, count));
    if (Scheduler::current().task() == this)
        arch::load_io_permissions(m_io); // the grant holds from the return to user mode on
    return {};
}

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
    m_name_space->account().uncharge_object(ipc::Resource::threads);
    bool last = --m_thread_count == 0;
    arch::restore_interrupts(flags);
    if (last) {
        if (!m_forked)
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

Task* Task::largest_unprivileged()
{
    arch::InterruptsOff off;
    Task* largest = nullptr;
    for (Task* task = g_tasks; task; task = task->m_next_task) {
        if (task->m_exiting || task->privileged())
            continue;
        if (!largest || task->m_space->resident_pages() > largest->m_space->resident_pages())
            largest = task;
    }
    return largest;
}

bool Task::alive(const Task* task)
{
    arch::InterruptsOff off;
    for (Task* live = g_tasks; live; live = live->m_next_task) {
        if (live == task)
            return true;
    }
    return false;
}

bool Task::privileged() const { return m_name_space->account().privileged(); }

size_t Task::live_count() { return __atomic_load_n(&g_live_tasks, __ATOMIC_RELAXED); }

} // namespace kern
