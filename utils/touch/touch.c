// touch [-c] file...: sets the files' times to now, creating missing files
// (not with -c).
#include "report.h"

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <sys/stat.h>
#include <unistd.h>

static int touch(const char *path, bool create)
{
    if (utimensat(AT_FDCWD, path, NULL, 0) == 0)
        return 0;
    if (errno == ENOENT && !create)
        return 0;
    if (errno != ENOENT && errno != ENOSYS) {
        report_errno(path);
        return -1;
    }
    // Missing (or a system without utimensat): opening creates the file.
    int fd = open(path, O_WRONLY | O_CREAT, 0666);
    if (fd < 0) {
        report_errno(path);
        return -1;
    }
    close(fd);
    return 0;
}

int main(int argc, char **argv)
{
    report_set_program(argv[0]);
    bool create = true;
    int option;
    while ((option = getopt(argc, argv, "c")) != -1) {
        if (option != 'c') {
            report_message("usage: touch [-c] file...");
            return 1;
        }
        create = false;
    }
    if (optind == argc) {
        report_message("usage: touch [-c] file...");
        return 1;
    }
    int status = 0;
    for (int i = optind; i < argc; ++i)
        status |= touch(argv[i], create) < 0;
    return status;
}
