#include "targets.h"

#include "files.h"
#include "report.h"

#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int for_each_source(int count, char **operands, int (*operation)(const char *source, const char *destination))
{
    if (count < 2) {
        report_message("missing operand (source... target)");
        return 1;
    }
    const char *target = operands[count - 1];
    struct stat st;
    bool into_directory = stat(target, &st) == 0 && S_ISDIR(st.st_mode);
    if (count > 2 && !into_directory) {
        report_message("%s: not a directory", target);
        return 1;
    }
    int status = 0;
    for (int i = 0; i < count - 1; ++i) {
        char *destination = NULL;
        if (into_directory) {
            char *name = path_base_name(operands[i]);
            destination = name ? path_join(target, name) : NULL;
            free(name);
        } else {
            destination = strdup(target);
        }
        if (!destination) {
            errno = ENOMEM;
            report_errno(operands[i]);
            status = 1;
            continue;
        }
        if (operation(operands[i], destination) != 0)
            status = 1;
        free(destination);
    }
    return status;
}
