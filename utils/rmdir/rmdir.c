// rmdir dir...: removes empty directories.
#include "report.h"

#include <unistd.h>

int main(int argc, char **argv)
{
    report_set_program(argv[0]);
    if (argc < 2) {
        report_message("usage: rmdir directory...");
        return 1;
    }
    int status = 0;
    for (int i = 1; i < argc; ++i) {
        if (rmdir(argv[i]) < 0) {
            report_errno(argv[i]);
            status = 1;
        }
    }
    return status;
}
