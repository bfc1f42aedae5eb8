// runtime::Lock over the host kernel: mutual exclusion between the threads
// of one task, waiters that sleep on the lock's port (made at the first
// contention), and Unlocked letting it go for a scope.
#include <catch.hpp>
#include <runtime/lock.h>
#include <runtime/mach.h>
#include <support/host_kernel.h>

#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

using test_support::ActAs;
using test_support::HostKernel;
using test_support::HostTask;

TEST_CASE("runtime lock: the threads of a task take turns, and none is lost")
{
    HostKernel kernel;
    HostTask& task = kernel.create_task();
    runtime::Lock lock;
    uint64_t counter = 0; // guarded by lock: a lost update shows as a short count
    std::atomic<int> inside { 0 };
    std::atomic<bool> overlapped { false };
    constexpr int kThreads = 4;
    constexpr int kRounds = 2000;
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; t++) {
        threads.emplace_back([&] {
            ActAs as(task);
            for (int i = 0; i < kRounds; i++) {
                runtime::Locked locked(lock);
                if (inside.fetch_add(1) != 0)
                    overlapped = true;
                uint64_t seen = counter;
                if (i % 64 == 0)
                    std::this_thread::yield(); // let the others pile up on the lock
                counter = seen + 1;
                inside.fetch_sub(1);
            }
        });
    }
    for (std::thread& thread : threads)
        thread.join();
    CHECK(counter == uint64_t(kThreads) * kRounds);
    CHECK_FALSE(overlapped.load());
}

TEST_CASE("runtime lock: a holder blocked for long keeps the others out until Unlocked lets it go")
{
    HostKernel kernel;
    HostTask& task = kernel.create_task();
    runtime::Lock lock;
    std::atomic<int> phase { 0 };
    std::atomic<bool> waiter_got_it { false };
    std::thread holder([&] {
        ActAs as(task);
        runtime::Locked locked(lock);
        phase = 1;
        std::this_thread::sleep_for(std::chrono::milliseconds(100)); // as if blocked in an RPC
        CHECK_FALSE(waiter_got_it.load());
        {
            runtime::Unlocked unlocked(lock); // around a call out: the waiter goes on
            for (int i = 0; i < 2000 && !waiter_got_it.load(); i++)
                std::this_thread::sleep_for(std::chrono::milliseconds(1));
        }
        phase = 2;
    });
    while (phase.load() == 0)
        std::this_thread::yield();
    std::thread waiter([&] {
        ActAs as(task);
        runtime::Locked locked(lock);
        waiter_got_it = true;
    });
    waiter.join();
    holder.join();
    CHECK(waiter_got_it.load());
    CHECK(phase.load() == 2);
}
