#include <arch/x86_64/context_switch.h>
#include <freestanding/slab.h>
#include <kern/ipc_observer.h>
#include <kern/never_destroyed.h>
#include <kern/scheduler.h>
#include <kern/task.h>
#include <kern/thread.h>
#include <kobject/kernel_ports.h>
#include <vm/heap.h>

namespace kern {
namespace {

// 16 KiB: page-aligned heap blocks. FIXME: no guard page below the stack yet.
constexpr size_t kKernelStackSize = 16 * 1024;

freestanding::ObjectCache<Thread>& thread_cache()
{
    static NeverDestroyed<freestanding::ObjectCache<Thread>> cache("thread", kernel_page_provider());
    return cache.get();
}

uint64_t g_next_id = 1;
size_t g_live_threads = 0;

} // namespace

void Thread::set_name(const char* name)
{
    size_t i = 0;
    for (; name && name[i] && i + 1 < sizeof(m_name); ++i)
        m_name[i] = name[i];
    m_name[i] = '\0';
}

Result<Thread*> Thread::create_with_stack(const char* name, int priority, Entry entry, void* argument)
{
    if (priority < 0 || priority >= kPriorityCount)
        return Error::invalid_argument;
    Thread* thread = TRY(thread_cache().create());
    Result<void*> stack = heap_allocate(kKernelStackSize);
    if (!stack.ok()) {
        thread_cache().destroy(thread);
        return stack.error();
    }
    thread->m_stack = static_cast<uint8_t*>(stack.value());
    thread->m_stack_top = reinterpret_cast<uint64_t>(thread->m_stack + kKernelStackSize);
    thread->m_saved_rsp = arch::prepare_thread_stack(thread->m_stack_top, entry, argument);
    thread->m_priority = priority;
    thread->m_id = __atomic_fetch_add(&g_next_id, 1, __ATOMIC_RELAXED);
    thread->set_name(name);
    arch::reset_fpu_state(thread->m_fpu);
    __atomic_add_fetch(&g_live_threads, 1, __ATOMIC_RELAXED);
    return thread;
}

Result<Thread*> Thread::create_kernel(const char* name, Entry entry, void* argument, int priority)
{
    Thread* thread = TRY(create_with_stack(name, priority, entry, argument));
    Scheduler::make_ready(*thread);
    return thread;
}

Thread& Thread::adopt_boot_context(const char* name)
{
    static Thread boot_thread;
    boot_thread.m_id = __atomic_fetch_add(&g_next_id, 1, __ATOMIC_RELAXED);
    boot_thread.m_state = ThreadState::running;
    boot_thread.set_name(name);
    arch::reset_fpu_state(boot_thread.m_fpu);
    return boot_thread;
}

void Thread::destroy(Thread* thread)
{
    if (!thread->m_stack)
        return; // the boot context's stack and object are static
    forget_hand_off_hint(*thread);
    destroy_kernel_port(thread->m_port);
    if (thread->m_task)
        thread->m_task->remove_thread(*thread);
    heap_free(thread->m_stack);
    thread_cache().destroy(thread);
    __atomic_sub_fetch(&g_live_threads, 1, __ATOMIC_RELAXED);
}

size_t Thread::live_count() { return __atomic_load_n(&g_live_threads, __ATOMIC_RELAXED); }

} // namespace kern
