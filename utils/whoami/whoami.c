// whoami: the name of the effective user.
#include "report.h"

#include <pwd.h>
#include <stdio.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    report_set_program(argv[0]);
    if (argc > 1) {
        report_message("usage: whoami");
        return 1;
    }
    uid_t uid = geteuid();
    struct passwd *entry = getpwuid(uid);
    if (!entry) {
        report_message("cannot find name for user ID %u", (unsigned)uid);
        return 1;
    }
    puts(entry->pw_name);
    return 0;
}
