// mv source... target: renames; across file systems (EXDEV) it copies,
// then removes the source.
#include "files.h"
#include "report.h"
#include "targets.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static int move(const char *source, const char *destination)
{
    if (rename(source, destination) == 0)
        return 0;
    if (errno != EXDEV) {
        report_errno(source);
        return -1;
    }
    if (copy_path(source, destination, true) < 0)
        return -1;
    return remove_path(source, true, false);
}

int main(int argc, char **argv)
{
    report_set_program(argv[0]);
    int first = 1;
    if (first < argc && strcmp(argv[first], "--") == 0)
        ++first;
    return for_each_source(argc - first, argv + first, move);
}
