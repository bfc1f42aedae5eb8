// Self tests of kernel threads, the scheduler and wait queues.
#include <kern/clock.h>
#include <kern/scheduler.h>
#include <kern/wait_queue.h>
#include <kernel/ktest.h>

using kern::Scheduler;
using kern::Thread;
using kern::WaitQueue;
using kern::WaitResult;
using kern::WakeReason;

namespace {

constexpr uint64_t kMillisecond = 1000000;

// Waits (sleeping) until `done` reaches `count` or a second passes.
bool wait_for(volatile int& done, int count)
{
    uint64_t give_up = kern::monotonic_ns() + 1000 * kMillisecond;
    while (done < count && kern::monotonic_ns() < give_up)
        (void)Scheduler::sleep_until(kern::monotonic_ns() + 10 * kMillisecond);
    return done >= count;
}

struct Counter {
    volatile int value = 0;
    volatile int finished = 0;
};

void count_to_a_thousand(void* argument)
{
    Counter& counter = *static_cast<Counter*>(argument);
    for (int i = 0; i < 1000; ++i) {
        counter.value = counter.value + 1;
        Scheduler::yield();
    }
    counter.finished = counter.finished + 1;
}

} // namespace

KTEST(scheduler_kernel_threads_run_and_exit)
{
    size_t threads_before = Thread::live_count();
    Counter counter;
    KEXPECT(Thread::create_kernel("counter-a", count_to_a_thousand, &counter, kern::kDefaultPriority).ok());
    KEXPECT(Thread::create_kernel("counter-b", count_to_a_thousand, &counter, kern::kDefaultPriority).ok());
    KEXPECT(wait_for(counter.finished, 2));
    KEXPECT(counter.value == 2000);
    // The last exited thread is freed by the next switch.
    (void)Scheduler::sleep_until(kern::monotonic_ns() + 20 * kMillisecond);
    KEXPECT(Thread::live_count() == threads_before);
}

namespace {

struct Spinner {
    volatile bool stop = false;
    volatile uint64_t spins = 0;
    volatile int finished = 0;
};

void spin_until_stopped(void* argument)
{
    Spinner& spinner = *static_cast<Spinner*>(argument);
    while (!spinner.stop)
        spinner.spins = spinner.spins + 1;
    spinner.finished = spinner.finished + 1;
}

} // namespace

KTEST(scheduler_preempts_busy_threads)
{
    // Two threads that never yield both advance: the timer preempts them.
    Spinner first, second;
    KEXPECT(Thread::create_kernel("spin-1", spin_until_stopped, &first, kern::kDefaultPriority).ok());
    KEXPECT(Thread::create_kernel("spin-2", spin_until_stopped, &second, kern::kDefaultPriority).ok());
    // This thread sleeps: only preemption lets the second spinner run.
    (void)Scheduler::sleep_until(kern::monotonic_ns() + 200 * kMillisecond);
    first.stop = true;
    second.stop = true;
    KEXPECT(first.spins > 0);
    KEXPECT(second.spins > 0);
    KEXPECT(wait_for(first.finished, 1));
    KEXPECT(wait_for(second.finished, 1));
}

namespace {

struct Waiter {
    WaitQueue* queue;
    uint64_t deadline;
    WaitResult result { WakeReason::woken, Error::none };
    volatile int finished = 0;
};

void wait_once(void* argument)
{
    Waiter& waiter = *static_cast<Waiter*>(argument);
    waiter.result = waiter.queue->wait(waiter.deadline);
    waiter.finished = waiter.finished + 1;
}

} // namespace

KTEST(wait_queue_wake_one_passes_a_value)
{
    WaitQueue queue;
    Waiter waiter { &queue, kern::kNoDeadline };
    KEXPECT(Thread::create_kernel("waiter", wait_once, &waiter, kern::kDefaultPriority + 1).ok());
    // The higher-priority waiter ran at once and is blocked now.
    KEXPECT(!queue.empty());
    KEXPECT(queue.wake_one(Error::port_dead));
    KEXPECT(wait_for(waiter.finished, 1));
    KEXPECT(waiter.result.reason == WakeReason::woken);
    KEXPECT(waiter.result.value == Error::port_dead);
    KEXPECT(!queue.wake_one());
}

KTEST(wait_queue_wake_all_wakes_everyone)
{
    WaitQueue queue;
    Waiter a { &queue, kern::kNoDeadline }, b { &queue, kern::kNoDeadline }, c { &queue, kern::kNoDeadline };
    Waiter* waiters[] = { &a, &b, &c };
    for (Waiter* waiter : waiters)
        KEXPECT(Thread::create_kernel("waiter", wait_once, waiter, kern::kDefaultPriority + 1).ok());
    KEXPECT(queue.wake_all(Error::none) == 3);
    for (Waiter* waiter : waiters) {
        KEXPECT(wait_for(waiter->finished, 1));
        KEXPECT(waiter->result.reason == WakeReason::woken);
    }
    KEXPECT(queue.empty());
}

KTEST(wait_queue_deadline_times_out)
{
    WaitQueue queue;
    uint64_t start = kern::monotonic_ns();
    Waiter waiter { &queue, start + 50 * kMillisecond };
    KEXPECT(Thread::create_kernel("waiter", wait_once, &waiter, kern::kDefaultPriority).ok());
    KEXPECT(wait_for(waiter.finished, 1));
    uint64_t waited = kern::monotonic_ns() - start;
    KEXPECT(waiter.result.reason == WakeReason::timed_out);
    KEXPECT(waiter.result.value == Error::timed_out);
    KEXPECT(waited >= 50 * kMillisecond);
    KEXPECT(waited < 500 * kMillisecond);
    KEXPECT(queue.empty());
}

KTEST(wait_queue_interrupt_ends_the_wait)
{
    WaitQueue queue;
    Waiter waiter { &queue, kern::kNoDeadline };
    Result<Thread*> thread = Thread::create_kernel("victim", wait_once, &waiter, kern::kDefaultPriority + 1);
    KEXPECT(thread.ok());
    if (!thread.ok())
        return;
    Scheduler::interrupt(*thread.value());
    KEXPECT(wait_for(waiter.finished, 1));
    KEXPECT(waiter.result.reason == WakeReason::interrupted);
    KEXPECT(waiter.result.value == Error::interrupted);
    KEXPECT(queue.empty());
}

namespace {

struct HandOff {
    WaitQueue queue;
    volatile int step = 0;
};

void record_and_wait(void* argument)
{
    HandOff& hand_off = *static_cast<HandOff*>(argument);
    (void)hand_off.queue.wait();
    hand_off.step = 2; // ran before the thread that handed off got the CPU back
}

} // namespace

KTEST(scheduler_switch_to_runs_the_target_at_once)
{
    HandOff hand_off;
    // A lower priority than ours: only a direct switch runs it before we continue.
    Result<Thread*> target = Thread::create_kernel("target", record_and_wait, &hand_off, kern::kDefaultPriority - 1);
    KEXPECT(target.ok());
    if (!target.ok())
        return;
    (void)Scheduler::sleep_until(kern::monotonic_ns() + 20 * kMillisecond);
    KEXPECT(!hand_off.queue.empty());
    hand_off.step = 1;
    Scheduler::switch_to(*target.value());
    KEXPECT(hand_off.step == 2);
    KEXPECT(hand_off.queue.empty());
}

KTEST(scheduler_sleep_takes_about_the_asked_time)
{
    for (uint64_t ms : { 10, 30, 100 }) {
        uint64_t start = kern::monotonic_ns();
        KEXPECT(Scheduler::sleep_until(start + ms * kMillisecond) == Error::none);
        uint64_t slept = kern::monotonic_ns() - start;
        KEXPECT(slept >= ms * kMillisecond);
        KEXPECT(slept <= ms * kMillisecond + 30 * kMillisecond); // tick resolution: 10 ms
    }
}

namespace {

struct Order {
    volatile int next = 0;
    volatile int ran[2] = { -1, -1 };
};

struct OrderedRun {
    Order* order;
    int id;
};

void record_order(void* argument)
{
    OrderedRun& run = *static_cast<OrderedRun*>(argument);
    run.order->ran[run.order->next] = run.id;
    run.order->next = run.order->next + 1;
}

} // namespace

KTEST(scheduler_higher_priority_runs_first)
{
    Order order;
    OrderedRun low { &order, 1 }, high { &order, 2 };
    // The low one is ready first but below us; the high one preempts us at once.
    KEXPECT(Thread::create_kernel("low", record_order, &low, kern::kDefaultPriority - 6).ok());
    KEXPECT(order.next == 0);
    KEXPECT(Thread::create_kernel("high", record_order, &high, kern::kDefaultPriority + 4).ok());
    KEXPECT(order.next == 1);
    KEXPECT(wait_for(order.next, 2));
    KEXPECT(order.ran[0] == 2);
    KEXPECT(order.ran[1] == 1);
}
