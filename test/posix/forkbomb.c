// forkbomb: forks children that only sleep until fork fails (or 1000 of
// them); prints how many it made and why it stopped, then kills and
// reaps them all. Run as a user, proc's per-user limit must stop it
// (EAGAIN) while root can still start programs.
#define _DEFAULT_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

enum { kMost = 1000 };

int main(void)
{
    static pid_t children[kMost];
    int count = 0;
    int error = 0;
    for (; count < kMost; count++) {
        pid_t pid = fork();
        if (pid < 0) {
            error = errno;
            break;
        }
        if (pid == 0) {
            for (;;)
                sleep(1000);
        }
        children[count] = pid;
    }
    printf("forkbomb: %d forked, then %s\n", count, error == EAGAIN ? "EAGAIN" : error ? strerror(error) : "no error");
    fflush(stdout);
    for (int i = 0; i < count; i++)
        kill(children[i], SIGKILL);
    int reaped = 0;
    for (int i = 0; i < count; i++)
        reaped += waitpid(children[i], NULL, 0) == children[i];
    printf("forkbomb: reaped %d\n", reaped);
    return error == EAGAIN ? 0 : 1;
}
