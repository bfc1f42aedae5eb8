// popen and pclose: a pipe to or from "/bin/sh -c command".
#include "file.h"

#include <errno.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

extern "C" {

FILE* popen(const char* command, const char* mode)
{
    bool reading = mode[0] == 'r';
    if ((mode[0] != 'r' && mode[0] != 'w') || (mode[1] != 0 && mode[1] != 'e')) {
        errno = EINVAL;
        return nullptr;
    }
    int ends[2];
    if (pipe(ends) != 0)
        return nullptr;
    int parent_end = reading ? ends[0] : ends[1];
    int child_end = reading ? ends[1] : ends[0];
    pid_t child = fork();
    if (child < 0) {
        close(ends[0]);
        close(ends[1]);
        return nullptr;
    }
    if (child == 0) {
        // FIXME: POSIX also wants other popen streams' descriptors closed here.
        int target = reading ? 1 : 0;
        if (child_end != target) {
            dup2(child_end, target);
            close(child_end);
        }
        close(parent_end);
        execl("/bin/sh", "sh", "-c", command, static_cast<char*>(nullptr));
        _exit(127);
    }
    close(child_end);
    FILE* stream = fdopen(parent_end, reading ? "r" : "w");
    if (stream == nullptr) {
        close(parent_end);
        int status;
        waitpid(child, &status, 0);
        return nullptr;
    }
    stream->child = child;
    return stream;
}

int pclose(FILE* stream)
{
    pid_t child = stream->child;
    if (child < 0) {
        errno = ECHILD;
        return -1;
    }
    fclose(stream);
    int status = 0;
    for (;;) {
        pid_t done = waitpid(child, &status, 0);
        if (done == child)
            return status;
        if (done < 0 && errno != EINTR)
            return -1;
    }
}

} // extern "C"
