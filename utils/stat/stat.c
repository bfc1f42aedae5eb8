// stat file...: what lstat says about each file.
#include "file_mode.h"
#include "report.h"

#include <stdio.h>
#include <sys/stat.h>
#include <time.h>

static void print_time(const char *label, time_t when)
{
    char text[64];
    struct tm broken;
    if (gmtime_r(&when, &broken) && strftime(text, sizeof text, "%Y-%m-%d %H:%M:%S UTC", &broken))
        printf("%s: %s\n", label, text);
    else
        printf("%s: %ld\n", label, (long)when);
}

int main(int argc, char **argv)
{
    report_set_program(argv[0]);
    if (argc < 2) {
        report_message("usage: stat file...");
        return 1;
    }
    int status = 0;
    for (int i = 1; i < argc; ++i) {
        struct stat st;
        if (lstat(argv[i], &st) < 0) {
            report_errno(argv[i]);
            status = 1;
            continue;
        }
        char mode[11];
        mode_string(st.st_mode, mode);
        printf("  File: %s\n", argv[i]);
        printf("  Size: %ld\tBlocks: %ld\tIO Block: %ld\t%s\n", (long)st.st_size, (long)st.st_blocks,
            (long)st.st_blksize, file_type_name(st.st_mode));
        printf("Device: %lu\tInode: %lu\tLinks: %lu\n", (unsigned long)st.st_dev, (unsigned long)st.st_ino,
            (unsigned long)st.st_nlink);
        printf("Access: (%04o/%s)\tUid: %u\tGid: %u\n", (unsigned)(st.st_mode & 07777), mode, (unsigned)st.st_uid,
            (unsigned)st.st_gid);
        print_time("Access", st.st_atime);
        print_time("Modify", st.st_mtime);
        print_time("Change", st.st_ctime);
    }
    return status;
}
