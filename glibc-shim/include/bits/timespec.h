/* bits/timespec.h (internal): struct timespec and struct timeval, glibc's
   x86-64 layouts. */
#ifndef _PORTICO_BITS_TIMESPEC_H
#define _PORTICO_BITS_TIMESPEC_H 1

#include <bits/types.h>

struct timespec {
    time_t tv_sec;
    long tv_nsec;
};

struct timeval {
    time_t tv_sec;
    suseconds_t tv_usec;
};

#endif
