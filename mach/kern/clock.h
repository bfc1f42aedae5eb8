// The monotonic clock: nanoseconds since the kernel started, from the CPU's
// time-stamp counter once it has been calibrated against the PIT.
#pragma once

#include <stdint.h>

namespace kern {

// Nanoseconds since boot (0 until the clock is calibrated).
uint64_t monotonic_ns();

// Sets the time-stamp counter rate measured at boot.
void clock_init(uint64_t tsc_hz);

// The calibrated time-stamp counter rate (0 before clock_init).
uint64_t tsc_frequency();

// The wall clock: nanoseconds since the Unix epoch, from the real-time
// clock read at boot (set_epoch_at_boot) plus the monotonic clock since.
uint64_t realtime_ns();
void set_epoch_at_boot(uint64_t epoch_seconds);

// Busy-waits at least `ns` nanoseconds (only once the clock runs).
void delay_ns(uint64_t ns);

} // namespace kern
