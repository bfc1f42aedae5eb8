// gmtime, localtime (UTC: Portico has no time zones yet), timegm, mktime,
// difftime, tzset and its variables.
#include <errno.h>
#include <limits.h>
#include <time.h>
#include <time/calendar.h>

using namespace shim::calendar;

namespace {

const char k_utc[] = "UTC";

// Brings value into [0, base) by moving whole units into carry.
void normalize(int& value, long& carry, int base)
{
    long quotient = value / base;
    long remainder = value % base;
    if (remainder < 0) {
        remainder += base;
        --quotient;
    }
    value = static_cast<int>(remainder);
    carry += quotient;
}

} // namespace

extern "C" {

char* tzname[2] = { const_cast<char*>(k_utc), const_cast<char*>(k_utc) };
long timezone = 0;
int daylight = 0;

void tzset(void) { }

struct tm* gmtime_r(const time_t* __restrict when, struct tm* __restrict result)
{
    long days = *when / k_seconds_per_day;
    long seconds = *when % k_seconds_per_day;
    if (seconds < 0) {
        seconds += k_seconds_per_day;
        --days;
    }
    // tm_year is an int: years beyond it cannot be told.
    long years_since_1900 = days / 365 + 70;
    if (years_since_1900 > INT_MAX - 1 || years_since_1900 < INT_MIN + 1) {
        errno = EOVERFLOW;
        return nullptr;
    }
    civil_from_days(days, *result);
    result->tm_hour = static_cast<int>(seconds / 3600);
    result->tm_min = static_cast<int>(seconds / 60 % 60);
    result->tm_sec = static_cast<int>(seconds % 60);
    result->tm_isdst = 0;
    result->tm_gmtoff = 0;
    result->tm_zone = k_utc;
    return result;
}

struct tm* gmtime(const time_t* when)
{
    static struct tm result;
    return gmtime_r(when, &result);
}

struct tm* localtime_r(const time_t* __restrict when, struct tm* __restrict result) { return gmtime_r(when, result); }

struct tm* localtime(const time_t* when)
{
    static struct tm result;
    return gmtime_r(when, &result);
}

// Out-of-range fields (tm_mon 14, tm_mday 0, negative seconds...) are
// carried into the next field, and *broken_down is rewritten normalized.
time_t timegm(struct tm* broken_down)
{
    int month = broken_down->tm_mon;
    long years = 0;
    normalize(month, years, 12);
    long year = 1900L + broken_down->tm_year + years;
    long days = days_from_civil(year, month + 1, 1) + (broken_down->tm_mday - 1L);
    long seconds;
    if (__builtin_mul_overflow(days, k_seconds_per_day, &seconds)
        || __builtin_add_overflow(
            seconds, broken_down->tm_hour * 3600L + broken_down->tm_min * 60L + broken_down->tm_sec, &seconds)) {
        errno = EOVERFLOW;
        return -1;
    }
    time_t result = seconds;
    if (gmtime_r(&result, broken_down) == nullptr)
        return -1;
    return result;
}

time_t mktime(struct tm* broken_down) { return timegm(broken_down); }

double difftime(time_t end, time_t start) { return static_cast<double>(end - start); }

} // extern "C"
