// Calendar arithmetic for the wall clock: a date and time of day (UTC, as
// the PC's real-time clock keeps it on Portico) to seconds since the Unix
// epoch. Pure: host-tested (test_calendar.cpp).
#pragma once

#include <stdint.h>

namespace kern {

struct CalendarTime {
    uint32_t year; // e.g. 2026
    uint32_t month; // 1-12
    uint32_t day; // 1-31
    uint32_t hour, minute, second;
};

// Whether the fields make a real date (leap years included).
bool is_valid(const CalendarTime& time);

// Seconds since 1970-01-01 00:00:00 UTC (a valid time at or after 1970).
uint64_t epoch_seconds(const CalendarTime& time);

// The value of a binary-coded decimal byte (0x59 → 59).
constexpr uint32_t from_bcd(uint8_t value) { return uint32_t(value >> 4) * 10 + (value & 0x0f); }

} // namespace kern
