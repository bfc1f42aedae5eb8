/* time.h: calendar time (UTC only: Portico has no time zones yet) and clocks. */
#ifndef _TIME_H
#define _TIME_H 1

#include <bits/timespec.h>
#include <bits/types.h>

#define CLOCKS_PER_SEC ((clock_t)1000000)
#define CLOCK_REALTIME 0
#define CLOCK_MONOTONIC 1
#define CLOCK_PROCESS_CPUTIME_ID 2
#define CLOCK_THREAD_CPUTIME_ID 3
#define CLOCK_MONOTONIC_RAW 4
#define CLOCK_REALTIME_COARSE 5
#define CLOCK_MONOTONIC_COARSE 6
#define CLOCK_BOOTTIME 7
#define TIMER_ABSTIME 1
#define TIME_UTC 1

struct tm {
    int tm_sec;
    int tm_min;
    int tm_hour;
    int tm_mday;
    int tm_mon;
    int tm_year;
    int tm_wday;
    int tm_yday;
    int tm_isdst;
    long tm_gmtoff;
    const char *tm_zone;
};

struct itimerspec {
    struct timespec it_interval;
    struct timespec it_value;
};

struct sigevent;

__BEGIN_DECLS

/* The OS layer (glibc-shim/posix/). */
time_t time(time_t *result);
clock_t clock(void);
int nanosleep(const struct timespec *duration, struct timespec *remaining);
int clock_gettime(clockid_t clock, struct timespec *result);
int clock_settime(clockid_t clock, const struct timespec *value);
int clock_getres(clockid_t clock, struct timespec *result);
int clock_nanosleep(clockid_t clock, int flags, const struct timespec *time, struct timespec *remaining);
int timespec_get(struct timespec *result, int base);

/* Conversions (glibc-shim/time/). */
double difftime(time_t end, time_t start) __attribute_const__;
time_t mktime(struct tm *broken_down);
time_t timegm(struct tm *broken_down);
struct tm *gmtime(const time_t *when);
struct tm *gmtime_r(const time_t *__restrict when, struct tm *__restrict result);
struct tm *localtime(const time_t *when);
struct tm *localtime_r(const time_t *__restrict when, struct tm *__restrict result);
char *asctime(const struct tm *broken_down);
char *asctime_r(const struct tm *__restrict broken_down, char *__restrict buffer);
char *ctime(const time_t *when);
char *ctime_r(const time_t *__restrict when, char *__restrict buffer);
size_t strftime(
    char *__restrict buffer, size_t size, const char *__restrict format, const struct tm *__restrict broken_down);
void tzset(void);
extern char *tzname[2];
extern long timezone;
extern int daylight;

__END_DECLS

#endif
