// The scheduler: fixed priorities 0..31 (higher runs first), round robin
// within a priority with a time slice of kTimeSliceTicks timer ticks, and
// preemption from the timer interrupt. An IPC hand-off (switch_to, claim)
// passes the caller's remaining slice to the thread it runs instead of a
// fresh one: threads that hand the CPU around share one slice, so they
// cannot keep a CPU-bound thread of their priority from its turn. The idle thread (priority 0) halts
// the CPU when nothing else is ready.
//
// Concurrency: FIXME(SMP): one CPU; scheduler state is changed with
// interrupts off, which is its lock.
#pragma once

#include <kern/thread.h>
#include <stdint.h>

namespace kern {

constexpr int kTimeSliceTicks = 3; // 30 ms at 100 Hz

class Scheduler {
public:
    // Makes the caller (kernel_main) a thread named `boot_name`, creates the
    // idle thread and enables preemption. Needs the heap and the timer.
    static void init(const char* boot_name);
    static bool running();

    // The thread executing now.
    static Thread& current() { return *s_current; }

    // Puts a new or woken thread on its run queue (preempting a lower priority).
    static void make_ready(Thread& thread);

    // Gives the CPU to another ready thread of at least the same priority.
    static void yield();

    // Runs `target` (which must be waiting or ready) right now, without a
    // trip through the run queue; the caller stays ready. For IPC hand-off.
    static void switch_to(Thread& target);

    // IPC hand-off without the run queue. claim() ends `thread`'s wait
    // (it must be waiting) with `woken` and reserves it as the next thread
    // to run: the caller's next wait switches straight to it, and
    // release_claim() queues it if no wait came. Interrupts stay off from
    // claim() to the wait or release_claim().
    static void claim(Thread& thread);
    static void release_claim();
    static bool has_claim() { return s_claimed != nullptr; }

    // Ends the calling thread.
    [[noreturn]] static void exit_current();

    // Marks `thread` killed: a waiting thread is woken with `interrupted`;
    // any thread ends before it would return to user mode.
    static void interrupt(Thread& thread);

    // The timer hook: time slices and deadlines.
    static void tick();

    // Called on the way out of an interrupt or a system call: switches if a
    // tick or a wake-up asked for it.
    static void preempt_if_needed()
    {
        if (s_need_resched)
            preempt();
    }
    // The same, but only if interrupts are on (the caller is a thread, not a handler).
    static void preempt_if_allowed();

    // Sleeps the calling thread until monotonic time `deadline_ns`
    // (resolution: one timer tick). Returns interrupted if killed meanwhile.
    static Error sleep_until(uint64_t deadline_ns);

    // Completes a switch on the new thread's stack (frees a dead
    // predecessor); for the new-thread trampoline only.
    static void finish_switch();

private:
    friend class WaitQueue;

    static void preempt();
    // The idle thread's body.
    static void idle_loop(void*);

    inline static Thread* s_current = nullptr;
    inline static Thread* s_claimed = nullptr; // woken, not queued: the current thread hands the CPU to it
    inline static bool s_need_resched = false;

    // Switches away from the current thread, whose state the caller set
    // (ready: requeued, waiting or dead: not). Interrupts must be off.
    static void reschedule();
    // How the thread switched to gets its time slice: fresh (the round
    // robin chose it) or donated (an IPC hand-off: the rest of the caller's).
    enum class SliceKind : uint8_t { fresh, donated };
    static void switch_threads(Thread& from, Thread& to, SliceKind slice);
    // Run queues: one FIFO per priority, linked through Thread::m_next/m_prev.
    static void enqueue(Thread& thread);
    static Thread* dequeue_highest();
    static void unqueue(Thread& thread);
    static void add_deadline(Thread& thread);
    static void remove_deadline(Thread& thread);
    // Ends `thread`'s wait (it must be waiting) and makes it ready.
    static void end_wait(Thread& thread, WakeReason reason, Error value);
    // Takes the thread off its wait queue and deadline list with `reason` and `value`.
    static void stop_waiting(Thread& thread, WakeReason reason, Error value);
    // Blocks the current thread (its state set by the caller) and runs the
    // claimed thread if there is one, else the best ready one.
    static void block_current(Thread* hand_off);
};

} // namespace kern
