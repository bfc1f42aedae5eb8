// echo [-n] [string...]: the strings, separated by spaces, and a newline
// (not with -n). Backslash sequences are not interpreted.
#include "report.h"

#include <stdio.h>
#include <string.h>

int main(int argc, char **argv)
{
    report_set_program(argv[0]);
    int first = 1;
    int newline = 1;
    if (argc > 1 && strcmp(argv[1], "-n") == 0) {
        newline = 0;
        first = 2;
    }
    for (int i = first; i < argc; ++i) {
        if (i > first)
            putchar(' ');
        fputs(argv[i], stdout);
    }
    if (newline)
        putchar('\n');
    if (fflush(stdout) != 0) {
        report_errno("standard output");
        return 1;
    }
    return 0;
}
