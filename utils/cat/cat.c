// cat [-u] [file...]: the files (standard input for none or "-") one after
// the other on standard output.
#include "report.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

// Copies `fd` to standard output; 0, or -1 after reporting.
static int copy_out(int fd, const char *name)
{
    char buffer[8192];
    for (;;) {
        ssize_t got = read(fd, buffer, sizeof buffer);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0) {
            report_errno(name);
            return -1;
        }
        if (got == 0)
            return 0;
        for (ssize_t done = 0; done < got;) {
            ssize_t written = write(STDOUT_FILENO, buffer + done, (size_t)(got - done));
            if (written < 0 && errno == EINTR)
                continue;
            if (written < 0) {
                report_errno("standard output");
                return -1;
            }
            done += written;
        }
    }
}

int main(int argc, char **argv)
{
    report_set_program(argv[0]);
    int status = 0;
    int i = 1;
    if (i < argc && strcmp(argv[i], "-u") == 0) // unbuffered: cat never buffers
        ++i;
    if (i < argc && strcmp(argv[i], "--") == 0)
        ++i;
    if (i == argc)
        return copy_out(STDIN_FILENO, "standard input") < 0;
    for (; i < argc; ++i) {
        if (strcmp(argv[i], "-") == 0) {
            status |= copy_out(STDIN_FILENO, "standard input") < 0;
            continue;
        }
        int fd = open(argv[i], O_RDONLY);
        if (fd < 0) {
            report_errno(argv[i]);
            status = 1;
            continue;
        }
        status |= copy_out(fd, argv[i]) < 0;
        close(fd);
    }
    return status;
}
