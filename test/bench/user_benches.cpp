#include <bench/user_benches.h>
#include <boot/boot_info.h>
#include <boot/program_loader.h>
#include <freestanding/string.h>
#include <kern/clock.h>
#include <kern/scheduler.h>
#include <kern/task.h>

namespace {

constexpr uint64_t kBenchTimeoutNs = 60000000000ull;

// Waits until every user task has ended, or `timeout_ns` passed.
bool wait_for_tasks(uint64_t timeout_ns)
{
    uint64_t give_up = kern::monotonic_ns() + timeout_ns;
    while (kern::Task::live_count() > 0 && kern::monotonic_ns() < give_up)
        (void)kern::Scheduler::sleep_until(kern::monotonic_ns() + 10000000);
    return kern::Task::live_count() == 0;
}

} // namespace

namespace kern {

int run_user_benches(const char* selector)
{
    if (strcmp(selector, "all") != 0 && strcmp(selector, "user") != 0)
        return 0;
    size_t started = start_boot_modules(boot_info(), "bench,benchpeer");
    bool ended = started > 0 && wait_for_tasks(kBenchTimeoutNs);
    // Then the file benchmarks, alone (tmpfs's control port is fsbench's bootstrap).
    started = ended ? start_boot_modules(boot_info(), "tmpfs,fsbench") : 0;
    return started == 2 && wait_for_tasks(kBenchTimeoutNs) ? 1 : 0;
}

} // namespace kern
