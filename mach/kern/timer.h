// The periodic timer tick: the kernel's heartbeat, later the scheduler's.
#pragma once

#include <stdint.h>

namespace kern {

constexpr uint64_t kTimerHz = 100;

// Called from the timer interrupt on every tick.
void timer_tick();

// Ticks since the timer started.
uint64_t timer_ticks();

} // namespace kern
