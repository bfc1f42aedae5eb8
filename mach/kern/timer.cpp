#include <kern/scheduler.h>
#include <kern/timer.h>

namespace kern {
namespace {

uint64_t g_ticks = 0;

} // namespace

void timer_tick()
{
    __atomic_add_fetch(&g_ticks, 1, __ATOMIC_RELAXED);
    Scheduler::tick();
}

uint64_t timer_ticks() { return __atomic_load_n(&g_ticks, __ATOMIC_RELAXED); }

} // namespace kern
