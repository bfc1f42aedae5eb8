// mkdir [-p] dir...: makes directories; -p makes missing parents too and
// accepts directories that exist.
#include "report.h"

#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static bool is_directory(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

// mkdir -p: each prefix of `path` in turn.
static int make_parents(const char *path)
{
    char *copy = strdup(path);
    if (!copy) {
        report_errno(path);
        return -1;
    }
    int result = 0;
    for (char *p = copy + 1;; ++p) {
        if (*p != '/' && *p != '\0')
            continue;
        char saved = *p;
        *p = '\0';
        if (mkdir(copy, 0777) < 0 && !(errno == EEXIST && is_directory(copy))) {
            report_errno(copy);
            result = -1;
            break;
        }
        *p = saved;
        if (!saved)
            break;
        while (p[1] == '/')
            ++p;
    }
    free(copy);
    return result;
}

int main(int argc, char **argv)
{
    report_set_program(argv[0]);
    bool parents = false;
    int option;
    while ((option = getopt(argc, argv, "p")) != -1) {
        if (option != 'p') {
            report_message("usage: mkdir [-p] directory...");
            return 1;
        }
        parents = true;
    }
    if (optind == argc) {
        report_message("usage: mkdir [-p] directory...");
        return 1;
    }
    int status = 0;
    for (int i = optind; i < argc; ++i) {
        if (parents) {
            status |= make_parents(argv[i]) < 0;
        } else if (mkdir(argv[i], 0777) < 0) {
            report_errno(argv[i]);
            status = 1;
        }
    }
    return status;
}
