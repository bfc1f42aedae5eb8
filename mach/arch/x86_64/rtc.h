// The PC's real-time clock (the CMOS clock at I/O ports 0x70-0x71): read
// once at boot to set the wall clock.
#pragma once

#include <freestanding/result.h>
#include <kern/calendar.h>

namespace arch {

// The date and time the clock holds (taken as UTC); invalid_argument if it
// holds no valid date.
Result<kern::CalendarTime> read_rtc();

} // namespace arch
