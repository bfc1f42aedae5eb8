#include <arch/x86_64/context_switch.h>
#include <arch/x86_64/cpu.h>
#include <arch/x86_64/per_cpu.h>
#include <debug/log.h>
#include <debug/panic.h>
#include <kern/clock.h>
#include <kern/scheduler.h>
#include <kern/task.h>
#include <kern/wait_queue.h>

namespace kern {
namespace {

struct RunQueue {
    Thread* head = nullptr;
    Thread* tail = nullptr;
};

RunQueue g_run_queues[kPriorityCount];
uint32_t g_ready_mask = 0; // bit p set: g_run_queues[p] is not empty
Thread* g_idle = nullptr;
Thread* g_dead = nullptr; // exited; destroyed by the next thread to run
Thread* g_deadlines = nullptr; // waiting threads with a deadline, soonest first

int highest_ready_priority() { return g_ready_mask ? 31 - __builtin_clz(g_ready_mask) : -1; }

} // namespace

// Halts until an interrupt, unless a thread is ready already: the idle
// thread itself may have made one ready (finish_switch destroying a dead
// thread wakes whoever watched its task), and halting then would leave it
// waiting for the next tick. `sti; hlt` takes an interrupt that arrives
// after the check: sti's one-instruction shadow keeps it until hlt.
void Scheduler::idle_loop(void*)
{
    for (;;) {
        arch::disable_interrupts();
        if (g_ready_mask)
            preempt();
        else
            arch::enable_interrupts_and_halt();
    }
}

void Scheduler::enqueue(Thread& thread)
{
    RunQueue& queue = g_run_queues[thread.m_priority];
    thread.m_state = ThreadState::ready;
    thread.m_next = nullptr;
    thread.m_prev = queue.tail;
    if (queue.tail)
        queue.tail->m_next = &thread;
    else
        queue.head = &thread;
    queue.tail = &thread;
    g_ready_mask |= 1u << thread.m_priority;
}

void Scheduler::unqueue(Thread& thread)
{
    RunQueue& queue = g_run_queues[thread.m_priority];
    (thread.m_prev ? thread.m_prev->m_next : queue.head) = thread.m_next;
    (thread.m_next ? thread.m_next->m_prev : queue.tail) = thread.m_prev;
    thread.m_next = thread.m_prev = nullptr;
    if (!queue.head)
        g_ready_mask &= ~(1u << thread.m_priority);
}

Thread* Scheduler::dequeue_highest()
{
    int priority = highest_ready_priority();
    if (priority < 0)
        return nullptr;
    Thread* thread = g_run_queues[priority].head;
    unqueue(*thread);
    return thread;
}

void Scheduler::init(const char* boot_name)
{
    s_current = &Thread::adopt_boot_context(boot_name);
    arch::init_fpu();
    arch::init_per_cpu_and_syscalls();
    Result<Thread*> idle = Thread::create_with_stack("idle", kIdlePriority, idle_loop, nullptr);
    if (!idle.ok())
        panic("cannot create the idle thread: %s", error_name(idle.error()));
    g_idle = idle.value(); // never on a run queue: it runs when they are all empty
    s_current->m_slice_left = kTimeSliceTicks;
}

bool Scheduler::running() { return s_current != nullptr; }

void Scheduler::make_ready(Thread& thread)
{
    {
        arch::InterruptsOff off;
        enqueue(thread);
        if (s_current && thread.m_priority > s_current->m_priority)
            s_need_resched = true;
    }
    preempt_if_allowed();
}

void Scheduler::preempt_if_allowed()
{
    // With interrupts off the caller may be an interrupt handler or hold a
    // lock: the switch then waits for the interrupt's exit or the next tick.
    if (arch::interrupts_enabled())
        preempt_if_needed();
}

void Scheduler::switch_threads(Thread& from, Thread& to, SliceKind slice)
{
    to.m_state = ThreadState::running;
    s_current = &to;
    if (slice == SliceKind::fresh) {
        to.m_slice_left = kTimeSliceTicks;
        s_need_resched = false;
    } else {
        // The receiver runs on what is left of the caller's slice, so that
        // threads handing the CPU around share one slice and the round
        // robin still comes; a pending reschedule (the slice is used up, a
        // higher priority woke) stays pending.
        to.m_slice_left = from.m_slice_left;
    }
    if (from.m_task || to.m_task)
        arch::save_fpu_state(from.m_fpu);
    if (to.m_task) {
        arch::restore_fpu_state(to.m_fpu);
        arch::set_user_fs_base(to.m_fs_base);
        to.m_task->activate();
    }
    if (to.m_stack_top)
        arch::set_kernel_entry_stack(to.m_stack_top);
    arch_context_switch(&from.m_saved_rsp, to.m_saved_rsp);
    finish_switch();
}

void Scheduler::finish_switch()
{
    if (Thread* dead = g_dead) {
        g_dead = nullptr;
        Thread::destroy(dead);
    }
}

void Scheduler::reschedule()
{
    release_claim();
    Thread& from = *s_current;
    Thread* to = dequeue_highest();
    if (!to)
        to = (from.m_state == ThreadState::running) ? &from : g_idle;
    if (to == &from) {
        from.m_state = ThreadState::running;
        if (from.m_slice_left <= 0)
            from.m_slice_left = kTimeSliceTicks; // nobody else wants the CPU: a new turn
        s_need_resched = false;
        return;
    }
    if (from.m_state == ThreadState::running) {
        if (&from == g_idle)
            from.m_state = ThreadState::ready; // the idle thread stays off the queues
        else
            enqueue(from);
    }
    switch_threads(from, *to, SliceKind::fresh);
}

void Scheduler::yield()
{
    arch::InterruptsOff off;
    Thread& self = *s_current;
    if (highest_ready_priority() < self.m_priority)
        return;
    enqueue(self);
    reschedule();
}

void Scheduler::switch_to(Thread& target)
{
    arch::InterruptsOff off;
    release_claim();
    if (&target == s_current)
        return;
    if (target.m_state == ThreadState::waiting)
        end_wait(target, WakeReason::woken, Error::none);
    unqueue(target);
    Thread& self = *s_current;
    if (self.m_state == ThreadState::running && &self != g_idle)
        enqueue(self);
    switch_threads(self, target, SliceKind::donated);
}

void Scheduler::exit_current()
{
    arch::disable_interrupts();
    Thread& self = *s_current;
    if (&self == g_idle)
        panic("the idle thread cannot exit");
    if (!self.m_stack)
        panic("the boot thread cannot exit");
    self.m_state = ThreadState::dead;
    g_dead = &self;
    reschedule();
    panic("a dead thread was scheduled");
}

void Scheduler::interrupt(Thread& thread)
{
    {
        arch::InterruptsOff off;
        thread.m_kill_pending = true;
        if (thread.m_state == ThreadState::waiting)
            end_wait(thread, WakeReason::interrupted, Error::interrupted);
    }
    preempt_if_allowed();
}

inline void Scheduler::stop_waiting(Thread& thread, WakeReason reason, Error value)
{
    if (thread.m_waiting_on)
        thread.m_waiting_on->remove(thread);
    if (thread.m_deadline != kNoDeadline)
        remove_deadline(thread);
    thread.m_wait_result = { reason, value };
}

void Scheduler::end_wait(Thread& thread, WakeReason reason, Error value)
{
    stop_waiting(thread, reason, value);
    enqueue(thread);
    if (thread.m_priority > s_current->m_priority)
        s_need_resched = true;
}

void Scheduler::claim(Thread& thread)
{
    if (s_claimed)
        release_claim();
    stop_waiting(thread, WakeReason::woken, Error::none);
    thread.m_state = ThreadState::ready;
    s_claimed = &thread;
}

void Scheduler::release_claim()
{
    if (Thread* claimed = s_claimed) {
        s_claimed = nullptr;
        enqueue(*claimed);
        if (claimed->m_priority > s_current->m_priority)
            s_need_resched = true;
    }
}

void Scheduler::block_current(Thread* hand_off)
{
    if (Thread* claimed = s_claimed) {
        s_claimed = nullptr;
        switch_threads(*s_current, *claimed, SliceKind::donated);
    } else if (hand_off && hand_off != s_current && hand_off->m_state != ThreadState::dead) {
        switch_to(*hand_off);
    } else {
        reschedule();
    }
}

void Scheduler::add_deadline(Thread& thread)
{
    Thread** link = &g_deadlines;
    while (*link && (*link)->m_deadline <= thread.m_deadline)
        link = &(*link)->m_next_deadline;
    thread.m_next_deadline = *link;
    *link = &thread;
}

void Scheduler::remove_deadline(Thread& thread)
{
    for (Thread** link = &g_deadlines; *link; link = &(*link)->m_next_deadline) {
        if (*link == &thread) {
            *link = thread.m_next_deadline;
            break;
        }
    }
    thread.m_next_deadline = nullptr;
    thread.m_deadline = kNoDeadline;
}

void Scheduler::tick()
{
    if (!s_current)
        return;
    uint64_t now = monotonic_ns();
    while (g_deadlines && g_deadlines->m_deadline <= now)
        end_wait(*g_deadlines, WakeReason::timed_out, Error::timed_out);
    Thread& self = *s_current;
    if (&self == g_idle) {
        if (g_ready_mask)
            s_need_resched = true;
        return;
    }
    if (--self.m_slice_left <= 0) {
        // Used up: the next ready thread of this priority gets its turn
        // (and this one a fresh slice when its turn comes again); with
        // none, this one goes on with a fresh slice.
        if (highest_ready_priority() >= self.m_priority)
            s_need_resched = true;
        else
            self.m_slice_left = kTimeSliceTicks;
    }
}

void Scheduler::preempt()
{
    if (!s_current)
        return;
    arch::InterruptsOff off;
    reschedule();
}

Error Scheduler::sleep_until(uint64_t deadline_ns)
{
    WaitQueue nobody_wakes;
    // Time 0 (kNoDeadline) has passed already: the wait ends at the next tick.
    WaitResult result = nobody_wakes.wait(deadline_ns == kNoDeadline ? 1 : deadline_ns);
    return result.reason == WakeReason::interrupted ? Error::interrupted : Error::none;
}

} // namespace kern

extern "C" void thread_trampoline_entry(void (*entry)(void*), void* argument)
{
    kern::Scheduler::finish_switch();
    arch::enable_interrupts();
    entry(argument);
    kern::Scheduler::exit_current();
}
