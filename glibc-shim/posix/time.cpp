// Clocks and sleeping: clock_gettime, gettimeofday, time, clock, times,
// nanosleep, sleep, usleep.
#include <errno.h>
#include <sys/time.h>
#include <sys/times.h>
#include <time.h>
#include <unistd.h>

#include <runtime/mach.h>

#include "errors.h"
#include "signal_port.h"

namespace {

constexpr uint64_t kNsPerSecond = 1'000'000'000;

uint64_t monotonic()
{
    uint64_t now = 0;
    (void)mach::clock_monotonic(&now);
    return now;
}

uint64_t realtime()
{
    uint64_t now = 0;
    (void)mach::clock_realtime(&now);
    return now;
}

struct timespec timespec_of(uint64_t ns) { return { time_t(ns / kNsPerSecond), long(ns % kNsPerSecond) }; }

} // namespace

extern "C" {

int clock_gettime(clockid_t clock, struct timespec* out)
{
    switch (clock) {
    case CLOCK_REALTIME:
    case CLOCK_REALTIME_COARSE: *out = timespec_of(realtime()); return 0;
    case CLOCK_MONOTONIC:
    case CLOCK_MONOTONIC_RAW:
    case CLOCK_MONOTONIC_COARSE:
    case CLOCK_BOOTTIME:
    // FIXME(time): the kernel does not count a task's CPU time yet; the
    // time since boot is an upper bound of it.
    case CLOCK_PROCESS_CPUTIME_ID:
    case CLOCK_THREAD_CPUTIME_ID: *out = timespec_of(monotonic()); return 0;
    default: return posix::fail_with(EINVAL);
    }
}

int clock_getres(clockid_t clock, struct timespec* resolution)
{
    struct timespec ignored;
    if (clock_gettime(clock, &ignored) != 0)
        return -1;
    if (resolution)
        *resolution = { 0, 1 };
    return 0;
}

int gettimeofday(struct timeval* out, void*)
{
    if (out) {
        uint64_t now = realtime();
        out->tv_sec = time_t(now / kNsPerSecond);
        out->tv_usec = suseconds_t((now % kNsPerSecond) / 1000);
    }
    return 0;
}

time_t time(time_t* out)
{
    time_t now = time_t(realtime() / kNsPerSecond);
    if (out)
        *out = now;
    return now;
}

clock_t clock(void) { return clock_t(monotonic() / 1000); } // CLOCKS_PER_SEC is a million

clock_t times(struct tms* out)
{
    clock_t ticks = clock_t(monotonic() / (kNsPerSecond / 100)); // sysconf(_SC_CLK_TCK) is 100
    if (out)
        *out = { ticks, 0, 0, 0 };
    return ticks;
}

int nanosleep(const struct timespec* duration, struct timespec* remaining)
{
    if (!duration || duration->tv_nsec < 0 || duration->tv_nsec >= long(kNsPerSecond) || duration->tv_sec < 0)
        return posix::fail_with(EINVAL);
    posix::signals::run_pending();
    (void)mach::thread_sleep(uint64_t(duration->tv_sec) * kNsPerSecond + uint64_t(duration->tv_nsec));
    posix::signals::run_pending();
    if (remaining)
        *remaining = { 0, 0 };
    return 0;
}

unsigned sleep(unsigned seconds)
{
    struct timespec duration {
        time_t(seconds), 0
    };
    (void)nanosleep(&duration, nullptr);
    return 0;
}

int usleep(useconds_t microseconds)
{
    struct timespec duration {
        time_t(microseconds / 1000000), long(microseconds % 1000000) * 1000
    };
    return nanosleep(&duration, nullptr);
}

} // extern "C"
