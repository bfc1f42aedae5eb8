/* sys/times.h: process times. */
#ifndef _SYS_TIMES_H
#define _SYS_TIMES_H 1

#include <bits/types.h>

struct tms {
    clock_t tms_utime;
    clock_t tms_stime;
    clock_t tms_cutime;
    clock_t tms_cstime;
};

__BEGIN_DECLS

clock_t times(struct tms *result);

__END_DECLS

#endif
