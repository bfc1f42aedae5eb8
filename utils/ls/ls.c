// ls [-1adl] [file...]: names of files and of directories' contents, one a
// line, sorted. -a shows names starting with '.', -d lists directories
// themselves, -l the long form: mode, links, owner and group (numbers),
// size, name (and a symbolic link's target).
#include "file_mode.h"
#include "files.h"
#include "report.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

struct options {
    bool all, directory_itself, long_form;
};

static int compare_names(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

// Prints one entry: `name` as shown, `path` to find it.
static int print_entry(const char *path, const char *name, const struct options *options)
{
    if (!options->long_form) {
        puts(name);
        return 0;
    }
    struct stat st;
    if (lstat(path, &st) < 0) {
        report_errno(path);
        return -1;
    }
    char mode[11];
    mode_string(st.st_mode, mode);
    printf("%s %3lu %4u %4u %8ld %s", mode, (unsigned long)st.st_nlink, (unsigned)st.st_uid, (unsigned)st.st_gid,
        (long)st.st_size, name);
    if (S_ISLNK(st.st_mode)) {
        char target[PATH_MAX];
        ssize_t length = readlink(path, target, sizeof target - 1);
        if (length >= 0) {
            target[length] = '\0';
            printf(" -> %s", target);
        }
    }
    putchar('\n');
    return 0;
}

// Reads a directory's names (without the hidden ones unless -a), sorted.
static char **read_names(const char *path, const struct options *options, size_t *count)
{
    DIR *directory = opendir(path);
    if (!directory) {
        report_errno(path);
        return NULL;
    }
    char **names = NULL;
    size_t capacity = 0;
    *count = 0;
    struct dirent *entry;
    while ((entry = readdir(directory)) != NULL) {
        if (entry->d_name[0] == '.' && !options->all)
            continue;
        if (*count == capacity) {
            capacity = capacity ? capacity * 2 : 32;
            char **grown = realloc(names, capacity * sizeof *names);
            if (!grown)
                break;
            names = grown;
        }
        if (!(names[*count] = strdup(entry->d_name)))
            break;
        ++*count;
    }
    bool failed = entry != NULL;
    if (failed)
        report_errno(path);
    closedir(directory);
    if (names)
        qsort(names, *count, sizeof *names, compare_names);
    else if (!failed)
        names = calloc(1, sizeof *names); // an empty directory: no names, not a failure
    return names;
}

static int list_directory(const char *path, const struct options *options)
{
    size_t count;
    char **names = read_names(path, options, &count);
    if (!names)
        return -1;
    int result = 0;
    for (size_t i = 0; i < count; ++i) {
        char *full = path_join(path, names[i]);
        if (!full || print_entry(full, names[i], options) < 0)
            result = -1;
        free(full);
        free(names[i]);
    }
    free(names);
    return result;
}

static bool lists_contents(const char *path, const struct options *options)
{
    struct stat st;
    return !options->directory_itself && stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

int main(int argc, char **argv)
{
    report_set_program(argv[0]);
    struct options options = { false, false, false };
    int option;
    while ((option = getopt(argc, argv, "1adl")) != -1) {
        switch (option) {
        case '1': break; // always one name a line
        case 'a': options.all = true; break;
        case 'd': options.directory_itself = true; break;
        case 'l': options.long_form = true; break;
        default: report_message("usage: ls [-1adl] [file...]"); return 1;
        }
    }
    char *current[] = { ".", NULL };
    char **operands = optind < argc ? argv + optind : current;
    int count = optind < argc ? argc - optind : 1;
    qsort(operands, (size_t)count, sizeof *operands, compare_names);
    int status = 0;
    bool printed = false;
    // Files first, then each directory's contents under its name.
    for (int i = 0; i < count; ++i) {
        if (lists_contents(operands[i], &options))
            continue;
        struct stat st;
        if (lstat(operands[i], &st) < 0) {
            report_errno(operands[i]);
            status = 1;
            continue;
        }
        status |= print_entry(operands[i], operands[i], &options) < 0;
        printed = true;
    }
    for (int i = 0; i < count; ++i) {
        if (!lists_contents(operands[i], &options))
            continue;
        if (count > 1)
            printf("%s%s:\n", printed ? "\n" : "", operands[i]);
        printed = true;
        status |= list_directory(operands[i], &options) < 0;
    }
    return status;
}
