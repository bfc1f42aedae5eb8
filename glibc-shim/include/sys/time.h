/* sys/time.h: struct timeval, gettimeofday, interval timers. */
#ifndef _SYS_TIME_H
#define _SYS_TIME_H 1

#include <bits/timespec.h>
#include <bits/types.h>
#include <sys/select.h>

struct timezone {
    int tz_minuteswest;
    int tz_dsttime;
};

#define ITIMER_REAL 0
#define ITIMER_VIRTUAL 1
#define ITIMER_PROF 2

struct itimerval {
    struct timeval it_interval;
    struct timeval it_value;
};

#define timerisset(t) ((t)->tv_sec || (t)->tv_usec)
#define timerclear(t) ((t)->tv_sec = (t)->tv_usec = 0)
#define timercmp(a, b, op) (((a)->tv_sec == (b)->tv_sec) ? ((a)->tv_usec op(b)->tv_usec) : ((a)->tv_sec op(b)->tv_sec))
#define timeradd(a, b, result)                                                                                         \
 do {                                                                                                                  \
  (result)->tv_sec = (a)->tv_sec + (b)->tv_sec;                                                                        \
  (result)->tv_usec = (a)->tv_usec + (b)->tv_usec;                                                                     \
  if ((result)->tv_usec >= 1000000) {                                                                                  \
   ++(result)->tv_sec;                                                                                                 \
   (result)->tv_usec -= 1000000;                                                                                       \
  }                                                                                                                    \
 } while (0)
#define timersub(a, b, result)                                                                                         \
 do {                                                                                                                  \
  (result)->tv_sec = (a)->tv_sec - (b)->tv_sec;                                                                        \
  (result)->tv_usec = (a)->tv_usec - (b)->tv_usec;                                                                     \
  if ((result)->tv_usec < 0) {                                                                                         \
   --(result)->tv_sec;                                                                                                 \
   (result)->tv_usec += 1000000;                                                                                       \
  }                                                                                                                    \
 } while (0)

__BEGIN_DECLS

int gettimeofday(struct timeval *__restrict result, void *__restrict zone);
int settimeofday(const struct timeval *value, const struct timezone *zone);
int getitimer(int which, struct itimerval *value);
int setitimer(int which, const struct itimerval *__restrict value, struct itimerval *__restrict old_value);
int utimes(const char *path, const struct timeval times[2]);
int futimes(int fd, const struct timeval times[2]);

__END_DECLS

#endif
