#include <arch/x86_64/cpu.h>
#include <debug/panic.h>
#include <kern/scheduler.h>
#include <kern/wait_queue.h>

namespace kern {

WaitQueue::~WaitQueue()
{
    if (m_head)
        panic("a wait queue was destroyed with threads waiting on it");
}

WaitResult WaitQueue::wait(uint64_t deadline_ns, Thread* hand_off)
{
    uint64_t flags = arch::save_and_disable_interrupts();
    Thread& self = Scheduler::current();
    if (self.m_kill_pending) {
        arch::restore_interrupts(flags);
        return { WakeReason::interrupted, Error::interrupted };
    }
    append(self);
    self.m_state = ThreadState::waiting;
    self.m_wait_result = { WakeReason::woken, Error::none };
    if (deadline_ns != kNoDeadline) {
        self.m_deadline = deadline_ns;
        Scheduler::add_deadline(self);
    }
    Scheduler::block_current(hand_off);
    WaitResult result = self.m_wait_result;
    arch::restore_interrupts(flags);
    return result;
}

bool WaitQueue::wake_one(Error value)
{
    uint64_t flags = arch::save_and_disable_interrupts();
    Thread* thread = m_head;
    if (thread)
        Scheduler::end_wait(*thread, WakeReason::woken, value);
    arch::restore_interrupts(flags);
    Scheduler::preempt_if_allowed();
    return thread != nullptr;
}

size_t WaitQueue::wake_all(Error value)
{
    size_t count = 0;
    while (wake_one(value))
        ++count;
    return count;
}

} // namespace kern
