#include "report.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <unistd.h>

void report(const char *format, ...)
{
    char message[512];
    int length = snprintf(message, sizeof message, "sh: ");
    va_list arguments;
    va_start(arguments, format);
    vsnprintf(message + length, sizeof message - (size_t)length - 1, format, arguments);
    va_end(arguments);
    size_t used = 0;
    while (message[used])
        ++used;
    message[used++] = '\n';
    write_all(STDERR_FILENO, message, used);
}

int write_all(int fd, const char *bytes, size_t length)
{
    while (length > 0) {
        ssize_t written = write(fd, bytes, length);
        if (written < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        bytes += written;
        length -= (size_t)written;
    }
    return 0;
}
