// head [-n count | -count] [file...]: the first lines (10 unless told) of each file.
#include "report.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

// Copies the first `lines` lines of `fd` to standard output.
static int head(int fd, const char *name, long lines)
{
    char buffer[4096];
    while (lines > 0) {
        ssize_t got = read(fd, buffer, sizeof buffer);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0) {
            report_errno(name);
            return -1;
        }
        if (got == 0)
            break;
        ssize_t end = 0;
        while (end < got && lines > 0)
            if (buffer[end++] == '\n')
                --lines;
        fwrite(buffer, 1, (size_t)end, stdout);
    }
    return 0;
}

int main(int argc, char **argv)
{
    report_set_program(argv[0]);
    long lines = 10;
    // The old form "head -5" is still common: make it "-n 5".
    char legacy[32];
    if (argc > 1 && argv[1][0] == '-' && argv[1][1] >= '0' && argv[1][1] <= '9'
        && strlen(argv[1]) < sizeof legacy - 2) {
        snprintf(legacy, sizeof legacy, "-n%s", argv[1] + 1);
        argv[1] = legacy;
    }
    int option;
    while ((option = getopt(argc, argv, "n:")) != -1) {
        char *end;
        if (option == 'n')
            lines = strtol(optarg, &end, 10);
        if (option != 'n' || !*optarg || *end || lines < 0) {
            report_message("usage: head [-n count] [file...]");
            return 1;
        }
    }
    if (optind == argc)
        return head(STDIN_FILENO, "standard input", lines) < 0;
    int status = 0;
    for (int i = optind; i < argc; ++i) {
        int fd = open(argv[i], O_RDONLY);
        if (fd < 0) {
            report_errno(argv[i]);
            status = 1;
            continue;
        }
        if (argc - optind > 1)
            printf("%s==> %s <==\n", i > optind ? "\n" : "", argv[i]);
        status |= head(fd, argv[i], lines) < 0;
        close(fd);
    }
    return status;
}
