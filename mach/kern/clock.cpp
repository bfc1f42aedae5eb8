#include <arch/x86_64/cpu.h>
#include <kern/clock.h>

namespace kern {
namespace {

uint64_t g_tsc_at_start = 0;
uint64_t g_tsc_hz = 0;
// Nanoseconds per TSC tick as a 32.32 fixed-point number.
uint64_t g_ns_per_tick_fixed = 0;
uint64_t g_epoch_ns_at_start = 0; // the wall clock when monotonic_ns was 0

} // namespace

void clock_init(uint64_t tsc_hz)
{
    g_tsc_hz = tsc_hz;
    g_ns_per_tick_fixed = (uint64_t(1000000000) << 32) / tsc_hz;
    g_tsc_at_start = arch::read_tsc();
}

uint64_t tsc_frequency() { return g_tsc_hz; }

uint64_t monotonic_ns()
{
    if (g_tsc_hz == 0)
        return 0;
    unsigned __int128 ticks = arch::read_tsc() - g_tsc_at_start;
    return uint64_t((ticks * g_ns_per_tick_fixed) >> 32);
}

void set_epoch_at_boot(uint64_t epoch_seconds) { g_epoch_ns_at_start = epoch_seconds * 1'000'000'000 - monotonic_ns(); }

uint64_t realtime_ns() { return g_epoch_ns_at_start + monotonic_ns(); }

void delay_ns(uint64_t ns)
{
    uint64_t end = monotonic_ns() + ns;
    while (monotonic_ns() < end)
        __builtin_ia32_pause();
}

} // namespace kern
