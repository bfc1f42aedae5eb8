#include <kern/calendar.h>

namespace kern {
namespace {

bool is_leap(uint32_t year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

uint32_t days_in_month(uint32_t year, uint32_t month)
{
    constexpr uint8_t kDays[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    return kDays[month - 1] + (month == 2 && is_leap(year) ? 1 : 0);
}

} // namespace

bool is_valid(const CalendarTime& time)
{
    return time.year >= 1970 && time.year < 10000 && time.month >= 1 && time.month <= 12 && time.day >= 1
        && time.day <= days_in_month(time.year, time.month) && time.hour < 24 && time.minute < 60 && time.second < 60;
}

uint64_t epoch_seconds(const CalendarTime& time)
{
    uint64_t days = 0;
    for (uint32_t year = 1970; year < time.year; year++)
        days += is_leap(year) ? 366 : 365;
    for (uint32_t month = 1; month < time.month; month++)
        days += days_in_month(time.year, month);
    days += time.day - 1;
    return ((days * 24 + time.hour) * 60 + time.minute) * 60 + time.second;
}

} // namespace kern
