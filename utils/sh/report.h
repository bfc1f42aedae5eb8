// The shell's error messages: "sh: ..." on standard error.
#ifndef SH_REPORT_H
#define SH_REPORT_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

void report(const char *format, ...) __attribute__((format(printf, 1, 2)));
// Writes all of `bytes` to `fd` (retrying after short writes and EINTR); 0 or -1.
int write_all(int fd, const char *bytes, size_t length);

#ifdef __cplusplus
}
#endif

#endif
