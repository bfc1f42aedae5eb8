// cp [-rR] source... target: copies files (and, with -r, directory trees).
#include "files.h"
#include "report.h"
#include "targets.h"

#include <stdbool.h>
#include <unistd.h>

static bool recursive;

static int copy(const char *source, const char *destination) { return copy_path(source, destination, recursive); }

int main(int argc, char **argv)
{
    report_set_program(argv[0]);
    int option;
    while ((option = getopt(argc, argv, "rR")) != -1) {
        if (option != 'r' && option != 'R') {
            report_message("usage: cp [-r] source... target");
            return 1;
        }
        recursive = true;
    }
    return for_each_source(argc - optind, argv + optind, copy);
}
