// perror, remove, tmpfile and tmpnam.
#include "file.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

extern "C" {

void perror(const char* prefix)
{
    const char* message = strerror(errno);
    if (prefix != nullptr && *prefix != 0)
        fprintf(stderr, "%s: %s\n", prefix, message);
    else
        fprintf(stderr, "%s\n", message);
}

// A file is unlinked, a directory removed.
int remove(const char* path)
{
    if (unlink(path) == 0)
        return 0;
    int error = errno;
    if ((error == EISDIR || error == EPERM) && rmdir(path) == 0)
        return 0;
    errno = error;
    return -1;
}

FILE* tmpfile(void)
{
    char name[] = P_tmpdir "/tmpfileXXXXXX";
    int fd = mkstemp(name);
    if (fd < 0)
        return nullptr;
    unlink(name); // The file lives on while it is open.
    FILE* stream = fdopen(fd, "w+");
    if (stream == nullptr)
        close(fd);
    return stream;
}

// A name that does not exist yet (racy by nature; mkstemp is the safe way).
char* tmpnam(char* name)
{
    static char shared[L_tmpnam];
    static unsigned counter;
    char* target = name != nullptr ? name : shared;
    for (int attempt = 0; attempt < 1000; ++attempt) {
        snprintf(target, L_tmpnam, "%s/t%u_%u", P_tmpdir, static_cast<unsigned>(getpid()) % 100000, counter++ % 100000);
        if (access(target, F_OK) != 0)
            return target;
    }
    return nullptr;
}

} // extern "C"
