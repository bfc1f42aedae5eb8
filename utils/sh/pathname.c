#include "pathname.h"

#include "memory.h"

#include <dirent.h>
#include <fnmatch.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static bool has_magic(const char *pattern, size_t length)
{
    for (size_t i = 0; i < length; ++i) {
        if (pattern[i] == '\\' && i + 1 < length)
            ++i;
        else if (pattern[i] == '*' || pattern[i] == '?' || pattern[i] == '[')
            return true;
    }
    return false;
}

bool pattern_has_magic(const char *pattern) { return has_magic(pattern, strlen(pattern)); }

static void append_unescaped(struct text *out, const char *pattern, size_t length)
{
    for (size_t i = 0; i < length; ++i) {
        if (pattern[i] == '\\' && i + 1 < length)
            ++i;
        text_push(out, pattern[i]);
    }
}

char *pattern_unescape(const char *pattern)
{
    struct text out = { 0 };
    append_unescaped(&out, pattern, strlen(pattern));
    return text_take(&out);
}

static void join(struct text *path, const char *prefix, const char *name)
{
    text_append_string(path, prefix);
    if (path->length && path->data[path->length - 1] != '/')
        text_push(path, '/');
    text_append_string(path, name);
}

// Matches `rest` (the pattern after the components already matched) below
// `prefix` ("" for the current directory, "/" for the root).
static void expand_below(const char *prefix, const char *rest, struct word_list *matches)
{
    while (*rest == '/')
        ++rest;
    if (!*rest) {
        struct stat st;
        if (lstat(*prefix ? prefix : ".", &st) == 0)
            words_push(matches, sh_strdup(prefix));
        return;
    }
    const char *slash = strchr(rest, '/');
    size_t length = slash ? (size_t)(slash - rest) : strlen(rest);
    const char *after = rest + length;
    if (!has_magic(rest, length)) {
        struct text path = { 0 };
        text_append_string(&path, prefix);
        if (path.length && path.data[path.length - 1] != '/')
            text_push(&path, '/');
        append_unescaped(&path, rest, length);
        expand_below(path.data, after, matches);
        text_free(&path);
        return;
    }
    char *component = sh_strndup(rest, length);
    DIR *directory = opendir(*prefix ? prefix : ".");
    if (directory) {
        struct dirent *entry;
        while ((entry = readdir(directory)) != NULL) {
            if (fnmatch(component, entry->d_name, FNM_PERIOD) != 0)
                continue;
            struct text path = { 0 };
            if (*prefix)
                join(&path, prefix, entry->d_name);
            else
                text_append_string(&path, entry->d_name);
            expand_below(path.data, after, matches);
            text_free(&path);
        }
        closedir(directory);
    }
    free(component);
}

static int compare_strings(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

size_t expand_pathname(const char *pattern, struct word_list *matches)
{
    size_t before = matches->count;
    expand_below(pattern[0] == '/' ? "/" : "", pattern, matches);
    size_t added = matches->count - before;
    if (added > 1)
        qsort(matches->items + before, added, sizeof *matches->items, compare_strings);
    return added;
}
