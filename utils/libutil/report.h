// Error messages of the POSIX utilities, in the usual form
// "prog: operand: reason" on standard error.
#ifndef LIBUTIL_REPORT_H
#define LIBUTIL_REPORT_H

// Remembers the program's name (the last component of argv[0]).
void report_set_program(const char *argv0);
const char *report_program(void);
// "prog: operand: strerror(errno)".
void report_errno(const char *operand);
// "prog: " and the formatted message.
void report_message(const char *format, ...) __attribute__((format(printf, 1, 2)));

#endif
