/* forkoffset: fork shares each open file between parent and child (one
 * peropen: one offset), as POSIX requires. Prints PASS/FAIL lines and
 * "forkoffset: done N failed"; exits with N. */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static int failures;

static void check(int ok, const char *what)
{
    printf("forkoffset: %s %s\n", ok ? "PASS" : "FAIL", what);
    failures += !ok;
}

int main(void)
{
    const char *path = "/tmp/forkoffset.txt";
    int fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0644);
    check(fd >= 0, "opened");
    check(write(fd, "parent ", 7) == 7, "parent_wrote");
    fflush(stdout);
    pid_t child = fork();
    if (child == 0) {
        /* The child's write goes where the parent's offset stood. */
        ssize_t wrote = write(fd, "child ", 6);
        _exit(wrote == 6 ? 0 : 1);
    }
    check(child > 0, "forked");
    int status = -1;
    check(waitpid(child, &status, 0) == child, "waited");
    check(WIFEXITED(status) && WEXITSTATUS(status) == 0, "child_wrote");
    /* The child moved the offset the parent sees. */
    check(lseek(fd, 0, SEEK_CUR) == 13, "offset_moved_by_the_child");
    check(write(fd, "end", 3) == 3, "parent_wrote_again");
    char text[64] = { 0 };
    check(pread(fd, text, sizeof(text) - 1, 0) == 16, "read_back");
    check(strcmp(text, "parent child end") == 0, "one_offset_for_both");
    close(fd);
    unlink(path);
    printf("forkoffset: done %d failed\n", failures);
    return failures;
}
