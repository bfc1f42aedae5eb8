#include "report.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static const char *program = "?";

void report_set_program(const char *argv0)
{
    const char *slash = argv0 ? strrchr(argv0, '/') : NULL;
    program = slash ? slash + 1 : argv0 ? argv0 : "?";
}

const char *report_program(void) { return program; }

void report_errno(const char *operand)
{
    const char *reason = strerror(errno);
    fprintf(stderr, "%s: %s: %s\n", program, operand, reason);
}

void report_message(const char *format, ...)
{
    va_list arguments;
    va_start(arguments, format);
    fprintf(stderr, "%s: ", program);
    vfprintf(stderr, format, arguments);
    fputc('\n', stderr);
    va_end(arguments);
}
