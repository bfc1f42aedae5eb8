// env [-i] [name=value...] [command [argument...]]: runs a command with a
// changed environment (-i: starting from an empty one), or prints the
// environment when no command is given.
#include "report.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

extern char **environ;

int main(int argc, char **argv)
{
    report_set_program(argv[0]);
    int i = 1;
    if (i < argc && strcmp(argv[i], "-i") == 0) {
        static char *empty[] = { NULL };
        environ = empty;
        ++i;
    }
    if (i < argc && strcmp(argv[i], "--") == 0)
        ++i;
    for (; i < argc && strchr(argv[i], '='); ++i) {
        char *equals = strchr(argv[i], '=');
        *equals = '\0';
        if (setenv(argv[i], equals + 1, 1) < 0) {
            *equals = '=';
            report_errno(argv[i]);
            return 125;
        }
    }
    if (i == argc) {
        for (char **entry = environ; *entry; ++entry)
            puts(*entry);
        return 0;
    }
    execvp(argv[i], argv + i);
    int error = errno;
    report_errno(argv[i]);
    return error == ENOENT ? 127 : 126;
}
