// rm [-rRf] file...: removes files; -r directories with their contents;
// -f ignores missing files (and no operands).
#include "files.h"
#include "report.h"

#include <stdbool.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    report_set_program(argv[0]);
    bool recursive = false, force = false;
    int option;
    while ((option = getopt(argc, argv, "rRf")) != -1) {
        if (option == 'f')
            force = true;
        else if (option == 'r' || option == 'R')
            recursive = true;
        else {
            report_message("usage: rm [-rf] file...");
            return 1;
        }
    }
    if (optind == argc && !force) {
        report_message("usage: rm [-rf] file...");
        return 1;
    }
    int status = 0;
    for (int i = optind; i < argc; ++i)
        status |= remove_path(argv[i], recursive, force) < 0;
    return status;
}
