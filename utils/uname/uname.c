// uname [-asnrvm]: the system's name (-s, the default), node name (-n),
// release (-r), version (-v) and machine (-m); -a all of them.
#include "report.h"

#include <stdio.h>
#include <sys/utsname.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    report_set_program(argv[0]);
    enum { SYSTEM = 1, NODE = 2, RELEASE = 4, VERSION = 8, MACHINE = 16, ALL = 31 };
    int fields = 0;
    int option;
    while ((option = getopt(argc, argv, "asnrvm")) != -1) {
        switch (option) {
        case 'a': fields |= ALL; break;
        case 's': fields |= SYSTEM; break;
        case 'n': fields |= NODE; break;
        case 'r': fields |= RELEASE; break;
        case 'v': fields |= VERSION; break;
        case 'm': fields |= MACHINE; break;
        default: report_message("usage: uname [-asnrvm]"); return 1;
        }
    }
    if (optind != argc) {
        report_message("usage: uname [-asnrvm]");
        return 1;
    }
    if (!fields)
        fields = SYSTEM;
    struct utsname names;
    if (uname(&names) < 0) {
        report_errno("uname");
        return 1;
    }
    const char *values[] = { names.sysname, names.nodename, names.release, names.version, names.machine };
    const char *separator = "";
    for (int i = 0; i < 5; ++i) {
        if (fields & (1 << i)) {
            printf("%s%s", separator, values[i]);
            separator = " ";
        }
    }
    putchar('\n');
    return 0;
}
