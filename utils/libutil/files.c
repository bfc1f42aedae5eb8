#include "files.h"

#include "report.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

char *path_join(const char *directory, const char *name)
{
    size_t length = strlen(directory);
    bool slash = length > 0 && directory[length - 1] == '/';
    char *joined = malloc(length + strlen(name) + 2);
    if (!joined)
        return NULL;
    strcpy(joined, directory);
    if (!slash)
        strcat(joined, "/");
    strcat(joined, name);
    return joined;
}

char *path_base_name(const char *path)
{
    size_t end = strlen(path);
    while (end > 1 && path[end - 1] == '/')
        --end;
    size_t start = end;
    while (start > 0 && path[start - 1] != '/')
        --start;
    if (end == start) // "/"
        return strdup("/");
    char *name = malloc(end - start + 1);
    if (!name)
        return NULL;
    memcpy(name, path + start, end - start);
    name[end - start] = '\0';
    return name;
}

// Writes all of `length` bytes; 0 or -1.
static int write_fully(int fd, const char *bytes, size_t length)
{
    while (length > 0) {
        ssize_t written = write(fd, bytes, length);
        if (written < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        bytes += written;
        length -= (size_t)written;
    }
    return 0;
}

static int copy_file(const char *source, const char *target, mode_t mode)
{
    int in = open(source, O_RDONLY);
    if (in < 0) {
        report_errno(source);
        return -1;
    }
    int out = open(target, O_WRONLY | O_CREAT | O_TRUNC, mode & 07777);
    if (out < 0) {
        report_errno(target);
        close(in);
        return -1;
    }
    int result = 0;
    char buffer[8192];
    for (;;) {
        ssize_t got = read(in, buffer, sizeof buffer);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0) {
            report_errno(source);
            result = -1;
            break;
        }
        if (got == 0)
            break;
        if (write_fully(out, buffer, (size_t)got) < 0) {
            report_errno(target);
            result = -1;
            break;
        }
    }
    close(in);
    if (close(out) < 0 && result == 0) {
        report_errno(target);
        result = -1;
    }
    return result;
}

static int copy_link(const char *source, const char *target)
{
    char destination[PATH_MAX];
    ssize_t length = readlink(source, destination, sizeof destination - 1);
    if (length < 0) {
        report_errno(source);
        return -1;
    }
    destination[length] = '\0';
    if (symlink(destination, target) < 0) {
        report_errno(target);
        return -1;
    }
    return 0;
}

static int copy_directory(const char *source, const char *target, mode_t mode)
{
    if (mkdir(target, (mode & 07777) | S_IRWXU) < 0 && errno != EEXIST) {
        report_errno(target);
        return -1;
    }
    DIR *directory = opendir(source);
    if (!directory) {
        report_errno(source);
        return -1;
    }
    int result = 0;
    struct dirent *entry;
    while ((entry = readdir(directory)) != NULL) {
        if (strcmp(entry->d_name, ".") == 0 || strcmp(entry->d_name, "..") == 0)
            continue;
        char *from = path_join(source, entry->d_name);
        char *to = path_join(target, entry->d_name);
        if (!from || !to) {
            errno = ENOMEM;
            report_errno(source);
            result = -1;
        } else if (copy_path(from, to, true) < 0) {
            result = -1;
        }
        free(from);
        free(to);
    }
    closedir(directory);
    chmod(target, mode & 07777);
    return result;
}

int copy_path(const char *source, const char *target, bool recursive)
{
    struct stat st;
    if (lstat(source, &st) < 0) {
        report_errno(source);
        return -1;
    }
    if (S_ISDIR(st.st_mode)) {
        if (!recursive) {
            report_message("%s: is a directory (not copied)", source);
            return -1;
        }
        return copy_directory(source, target, st.st_mode);
    }
    if (S_ISLNK(st.st_mode) && recursive)
        return copy_link(source, target);
    return copy_file(source, target, st.st_mode);
}

int remove_path(const char *path, bool recursive, bool force)
{
    struct stat st;
    if (lstat(path, &st) < 0) {
        if (force && errno == ENOENT)
            return 0;
        report_errno(path);
        return -1;
    }
    if (!S_ISDIR(st.st_mode)) {
        if (unlink(path) < 0) {
            report_errno(path);
            return -1;
        }
        return 0;
    }
    if (!recursive) {
        report_message("%s: is a directory", path);
        return -1;
    }
    int result = 0;
    DIR *directory = opendir(path);
    if (!directory) {
        report_errno(path);
        return -1;
    }
    struct dirent *entry;
    while ((entry = readdir(directory)) != NULL) {
        if (strcmp(entry->d_name, ".") == 0 || strcmp(entry->d_name, "..") == 0)
            continue;
        char *child = path_join(path, entry->d_name);
        if (!child || remove_path(child, true, force) < 0)
            result = -1;
        free(child);
    }
    closedir(directory);
    if (rmdir(path) < 0) {
        report_errno(path);
        return -1;
    }
    return result;
}
