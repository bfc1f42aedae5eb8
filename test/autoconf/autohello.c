/* autohello: what the autoconf checks of configure.ac found, and that the
 * functions they found work. Prints "autohello: ..." lines. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#ifdef HAVE_SYS_WAIT_H
#include <sys/wait.h>
#endif
#ifdef HAVE_UNISTD_H
#include <unistd.h>
#endif

static const char *found(int yes) { return yes ? "yes" : "no"; }

int main(void)
{
    int fork_works = 0;
#if defined(HAVE_FORK) && defined(HAVE_SYS_WAIT_H)
    pid_t child = fork();
    if (child == 0)
        _exit(7);
    int status = 0;
    fork_works = child > 0 && waitpid(child, &status, 0) == child && WIFEXITED(status) && WEXITSTATUS(status) == 7;
#endif
#ifdef HAVE_NO_SUCH_FUNCTION_ANYWHERE
    const int phantom = 1;
#else
    const int phantom = 0;
#endif
    char *copy = NULL;
#ifdef HAVE_STRDUP
    copy = strdup("copied");
#endif
    printf("autohello: %s %s\n", PACKAGE_NAME, PACKAGE_VERSION);
    printf("autohello: sizeof(long) %d, sizeof(off_t) %d\n", SIZEOF_LONG, SIZEOF_OFF_T);
    printf("autohello: fork %s, strdup %s, a missing function found %s\n", found(fork_works),
        found(copy && strcmp(copy, "copied") == 0), found(phantom));
    printf("autohello: sqrt(2) %.4f\n", sqrt(atof("2")));
    free(copy);
    return 0;
}
