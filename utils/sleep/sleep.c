// sleep seconds: waits that long; fractions ("0.5") are allowed.
#include "report.h"

#include <errno.h>
#include <time.h>

// "12", "0.25", ".5": seconds and nanoseconds; -1 for anything else.
static int parse_duration(const char *text, struct timespec *duration)
{
    duration->tv_sec = 0;
    duration->tv_nsec = 0;
    const char *p = text;
    int digits = 0;
    for (; *p >= '0' && *p <= '9'; ++p, ++digits) {
        if (duration->tv_sec > 100000000)
            return -1; // over three years: surely a mistake
        duration->tv_sec = duration->tv_sec * 10 + (*p - '0');
    }
    if (*p == '.') {
        long scale = 100000000;
        for (++p; *p >= '0' && *p <= '9'; ++p, ++digits, scale /= 10)
            duration->tv_nsec += (*p - '0') * scale;
    }
    return (*p || digits == 0) ? -1 : 0;
}

int main(int argc, char **argv)
{
    report_set_program(argv[0]);
    struct timespec duration;
    if (argc != 2 || parse_duration(argv[1], &duration) < 0) {
        report_message("usage: sleep seconds (a fraction is allowed)");
        return 1;
    }
    while (nanosleep(&duration, &duration) < 0) {
        if (errno != EINTR) {
            report_errno("nanosleep");
            return 1;
        }
    }
    return 0;
}
