// Benchmarks of thread switching, in guest instructions (see bench/kbench.h).
#include <bench/kbench.h>
#include <kern/scheduler.h>
#include <kern/wait_queue.h>

namespace {

constexpr uint64_t kIterations = 10000;

// Two threads handing the CPU to each other through wait queues, as an RPC
// client and server will: each round trip is two direct hand-offs.
struct PingPong {
    kern::WaitQueue bench_waits;
    kern::WaitQueue partner_waits;
    kern::Thread* bench = nullptr;
    volatile bool stop = false;
};

void partner_loop(void* argument)
{
    PingPong& ping_pong = *static_cast<PingPong*>(argument);
    arch::disable_interrupts(); // like the bench side: no timer tick in the figure
    (void)ping_pong.partner_waits.wait();
    while (!ping_pong.stop)
        (void)ping_pong.partner_waits.wait(kern::kNoDeadline, ping_pong.bench);
    ping_pong.bench_waits.wake_one();
}

} // namespace

KBENCH(thread_handoff)
{
    PingPong ping_pong;
    ping_pong.bench = &kern::Scheduler::current();
    // Above our priority: it runs at once and blocks, waiting for the first hand-off.
    Result<kern::Thread*> partner
        = kern::Thread::create_kernel("bench-partner", partner_loop, &ping_pong, kern::kDefaultPriority + 1);
    if (!partner.ok())
        return;
    kern::Thread* target = partner.value();
    uint64_t per_round_trip = kern::instructions_per_operation(
        kIterations, [&] { (void)ping_pong.bench_waits.wait(kern::kNoDeadline, target); });
    ping_pong.stop = true;
    (void)ping_pong.bench_waits.wait(kern::kNoDeadline, target);
    kern::bench_report("thread_handoff_round_trip", per_round_trip, "insn/op");
}
