#include <debug/log.h>
#include <kern/clock.h>
#include <kern/out_of_memory.h>
#include <kern/scheduler.h>
#include <kern/task.h>
#include <vm/address_space.h>

namespace kern {
namespace {

constexpr uint64_t kTickNs = 10000000;
// How long a privileged task waits for its victim's memory before it gives up.
constexpr int kMaxWaitTicks = 100;

} // namespace

bool reclaim_memory_for(Task& asker)
{
    if (!asker.privileged())
        return false;
    Task* victim = Task::largest_unprivileged();
    if (!victim)
        return false;
    log("oom", "out of memory serving %s: killing %s (%zu resident pages)", asker.name(), victim->name(),
        victim->address_space().resident_pages());
    victim->kill(kOutOfMemoryStatus);
    // Its threads end before they return to user mode; the last one frees its memory.
    for (int tick = 0; tick < kMaxWaitTicks && Task::alive(victim); tick++) {
        if (Scheduler::sleep_until(monotonic_ns() + kTickNs) != Error::none)
            return false; // the asker itself is being killed
    }
    return true;
}

} // namespace kern
