// ln [-sf] target... link: makes hard links or, with -s, symbolic links;
// -f replaces an existing link name.
#include "report.h"
#include "targets.h"

#include <errno.h>
#include <stdbool.h>
#include <unistd.h>

static bool symbolic, force;

static int make_link(const char *target, const char *name)
{
    if (force && unlink(name) < 0 && errno != ENOENT) {
        report_errno(name);
        return -1;
    }
    if ((symbolic ? symlink(target, name) : link(target, name)) < 0) {
        report_errno(name);
        return -1;
    }
    return 0;
}

int main(int argc, char **argv)
{
    report_set_program(argv[0]);
    int option;
    while ((option = getopt(argc, argv, "sf")) != -1) {
        if (option == 's')
            symbolic = true;
        else if (option == 'f')
            force = true;
        else {
            report_message("usage: ln [-sf] target... name");
            return 1;
        }
    }
    return for_each_source(argc - optind, argv + optind, make_link);
}
