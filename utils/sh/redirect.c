#include "redirect.h"

#include "report.h"
#include "substitution.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

// Descriptors the shell keeps for itself sit at 10 and above, as in other
// shells, out of the way of "2>&1"-style redirections.
enum { kFirstPrivateDescriptor = 10 };

static int save(struct saved_descriptors *saved, int fd)
{
    for (int i = 0; i < saved->count; ++i)
        if (saved->fds[i] == fd)
            return 0; // the first saved copy is the original
    if (saved->count == (int)(sizeof saved->fds / sizeof saved->fds[0])) {
        errno = EMFILE;
        return -1;
    }
    int copy = fcntl(fd, F_DUPFD, kFirstPrivateDescriptor);
    if (copy < 0 && errno != EBADF)
        return -1;
    if (copy >= 0)
        fcntl(copy, F_SETFD, FD_CLOEXEC);
    saved->fds[saved->count] = fd;
    saved->copies[saved->count] = copy;
    ++saved->count;
    return 0;
}

static int open_flags(enum redirect_kind kind)
{
    switch (kind) {
    case REDIRECT_INPUT: return O_RDONLY;
    case REDIRECT_OUTPUT: return O_WRONLY | O_CREAT | O_TRUNC;
    case REDIRECT_APPEND: return O_WRONLY | O_CREAT | O_APPEND;
    case REDIRECT_READ_WRITE: return O_RDWR | O_CREAT;
    default: return -1;
    }
}

// n>&m, n<&m, n>&-: returns 0, or -1 with errno set.
static int duplicate(int fd, const char *target)
{
    if (strcmp(target, "-") == 0) {
        close(fd);
        return 0;
    }
    char *end;
    long source = strtol(target, &end, 10);
    if (!*target || *end || source < 0 || source > 1000000) {
        errno = EBADF;
        return -1;
    }
    if (fcntl((int)source, F_GETFD) < 0)
        return -1;
    if ((int)source != fd && dup2((int)source, fd) < 0)
        return -1;
    return 0;
}

// A descriptor to read `text` from: a pipe holding it. Text beyond what a
// pipe surely takes at once (PIPE_BUF) is written by a grandchild, which
// ends on its own and is reaped by init, so nobody waits for it.
static int heredoc_descriptor(const char *text)
{
    int ends[2];
    if (pipe(ends) < 0)
        return -1;
    size_t length = strlen(text);
    if (length <= PIPE_BUF) {
        write_all(ends[1], text, length);
        close(ends[1]);
        return ends[0];
    }
    pid_t child = fork();
    if (child < 0) {
        close(ends[0]);
        close(ends[1]);
        return -1;
    }
    if (child == 0) {
        close(ends[0]);
        if (fork() == 0)
            _exit(write_all(ends[1], text, length) < 0);
        _exit(0);
    }
    close(ends[1]);
    int status;
    while (waitpid(child, &status, 0) < 0 && errno == EINTR)
        continue;
    return ends[0];
}

static int apply_one(const struct redirect *redirect, const char *target)
{
    if (redirect->kind == REDIRECT_HEREDOC) {
        int fd = heredoc_descriptor(target);
        if (fd < 0)
            return -1;
        if (fd != redirect->fd) {
            int result = dup2(fd, redirect->fd);
            close(fd);
            return result < 0 ? -1 : 0;
        }
        return 0;
    }
    if (redirect->kind == REDIRECT_DUP_OUTPUT || redirect->kind == REDIRECT_DUP_INPUT)
        return duplicate(redirect->fd, target);
    int opened = open(target, open_flags(redirect->kind), 0666);
    if (opened < 0)
        return -1;
    if (opened != redirect->fd) {
        int result = dup2(opened, redirect->fd);
        close(opened);
        if (result < 0)
            return -1;
    }
    return 0;
}

int apply_redirects(
    struct shell *shell, const struct redirect *redirects, size_t count, struct saved_descriptors *saved)
{
    if (saved)
        saved->count = 0;
    struct expand_environment environment = shell_expand_environment(shell);
    for (size_t i = 0; i < count; ++i) {
        char message[128];
        // A here-document's "target" is its (possibly expanded) text.
        char *target = redirects[i].kind != REDIRECT_HEREDOC
            ? expand_word(&environment, redirects[i].target, message, sizeof message)
            : redirects[i].heredoc_expand ? expand_heredoc(&environment, redirects[i].heredoc, message, sizeof message)
                                          : strdup(redirects[i].heredoc);
        if (!target) {
            report("%s: %s", redirects[i].target, message);
            goto failed;
        }
        if ((saved && save(saved, redirects[i].fd) < 0) || apply_one(&redirects[i], target) < 0) {
            report("%s: %s", redirects[i].kind == REDIRECT_HEREDOC ? "here-document" : target, strerror(errno));
            free(target);
            goto failed;
        }
        free(target);
    }
    return 0;
failed:
    if (saved)
        restore_redirects(saved);
    return -1;
}

void restore_redirects(struct saved_descriptors *saved)
{
    for (int i = saved->count - 1; i >= 0; --i) {
        if (saved->copies[i] >= 0) {
            dup2(saved->copies[i], saved->fds[i]);
            close(saved->copies[i]);
        } else {
            close(saved->fds[i]);
        }
    }
    saved->count = 0;
}

void keep_redirects(struct saved_descriptors *saved)
{
    for (int i = 0; i < saved->count; ++i)
        if (saved->copies[i] >= 0)
            close(saved->copies[i]);
    saved->count = 0;
}
