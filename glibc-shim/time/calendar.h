// calendar.h: converting between seconds since 1970 (UTC) and dates in
// the proleptic Gregorian calendar, shared by gmtime, timegm and strftime.
#pragma once

#include <time.h>

namespace shim::calendar {

constexpr long k_seconds_per_day = 86400;

constexpr bool is_leap_year(long year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

// Days from 1970-01-01 to year-month-day (month 1..12; any year).
long days_from_civil(long year, int month, int day);

// Fills the date fields of result (tm_year, tm_mon, tm_mday, tm_wday,
// tm_yday) for a count of days since 1970-01-01.
void civil_from_days(long days, struct tm& result);

// Days in month (0..11) of year.
int days_in_month(long year, int month);

} // namespace shim::calendar
