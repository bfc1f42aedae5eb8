// Days <-> dates (see calendar.h). Years are counted in 400-year eras of
// 146097 days each, starting on 1 March so the leap day comes last.
#include <time/calendar.h>

namespace shim::calendar {
namespace {

constexpr long k_days_per_era = 146097;

constexpr long floor_divide(long a, long b) { return (a >= 0 ? a : a - b + 1) / b; }

// Day of the year counted from 1 March (0..365) for month 1..12, day 1..31.
constexpr int day_of_march_year(int month, int day)
{
    return (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
}

} // namespace

long days_from_civil(long year, int month, int day)
{
    year -= month <= 2;
    long era = floor_divide(year, 400);
    long year_of_era = year - era * 400;
    long day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_march_year(month, day);
    return era * k_days_per_era + day_of_era - 719468;
}

void civil_from_days(long days, struct tm& result)
{
    long shifted = days + 719468;
    long era = floor_divide(shifted, k_days_per_era);
    long day_of_era = shifted - era * k_days_per_era;
    long year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
    long day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    long month_index = (5 * day_of_year + 2) / 153; // 0 = March
    int day = static_cast<int>(day_of_year - (153 * month_index + 2) / 5 + 1);
    int month = static_cast<int>(month_index < 10 ? month_index + 3 : month_index - 9);
    long year = year_of_era + era * 400 + (month <= 2);

    result.tm_year = static_cast<int>(year - 1900);
    result.tm_mon = month - 1;
    result.tm_mday = day;
    // 1970-01-01 was a Thursday (4).
    result.tm_wday = static_cast<int>(floor_divide(days + 4, 7) * -7 + days + 4);
    result.tm_yday = static_cast<int>(days - days_from_civil(year, 1, 1));
}

int days_in_month(long year, int month)
{
    constexpr int k_days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    return month == 1 && is_leap_year(year) ? 29 : k_days[month];
}

} // namespace shim::calendar
