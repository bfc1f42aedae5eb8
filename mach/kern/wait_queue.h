// WaitQueue: threads blocked until an event. A waiter may give a deadline
// (monotonic ns; checked on timer ticks, so its resolution is one tick) and
// learns why its wait ended: woken with a value, timed out, or interrupted
// because it or its task is being killed. IPC blocks senders and receivers
// on these.
//
// Concurrency: FIXME(SMP): single CPU; operations run with interrupts off.
#pragma once

#include <kern/thread.h>
#include <stddef.h>

namespace kern {

class WaitQueue {
public:
    WaitQueue() = default;
    WaitQueue(const WaitQueue&) = delete;
    WaitQueue& operator=(const WaitQueue&) = delete;
    // Waiters left behind would be lost: the owner wakes them first.
    ~WaitQueue();

    // Blocks the current thread until woken, until `deadline_ns` passes
    // (kNoDeadline: never) or until it is interrupted. The CPU goes to the
    // thread Scheduler::claim() reserved, else to `hand_off` (a ready or
    // waiting thread, woken with value none), else to the best ready one.
    WaitResult wait(uint64_t deadline_ns = kNoDeadline, Thread* hand_off = nullptr);

    // Wakes the longest waiter with `value`; false if nobody waited.
    bool wake_one(Error value = Error::none);

    // Wakes every waiter with `value`; returns how many.
    size_t wake_all(Error value = Error::none);

    bool empty() const { return m_head == nullptr; }
    // The longest waiter, or null.
    Thread* first() const { return m_head; }

private:
    friend class Scheduler;
    void append(Thread& thread);
    void remove(Thread& thread);

    Thread* m_head = nullptr;
    Thread* m_tail = nullptr;
};

// On every wait and wake: inline.
inline void WaitQueue::append(Thread& thread)
{
    thread.m_waiting_on = this;
    thread.m_next = nullptr;
    thread.m_prev = m_tail;
    (m_tail ? m_tail->m_next : m_head) = &thread;
    m_tail = &thread;
}

inline void WaitQueue::remove(Thread& thread)
{
    (thread.m_prev ? thread.m_prev->m_next : m_head) = thread.m_next;
    (thread.m_next ? thread.m_next->m_prev : m_tail) = thread.m_prev;
    thread.m_next = thread.m_prev = nullptr;
    thread.m_waiting_on = nullptr;
}

} // namespace kern
