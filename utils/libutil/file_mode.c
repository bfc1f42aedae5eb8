#include "file_mode.h"

#include <stddef.h>
#include <sys/stat.h>

// POSIX's file types: the letter a mode string starts with, and the name.
struct file_type {
    mode_t bits; // the S_IFMT part of st_mode
    char letter;
    const char *name;
};

static const struct file_type file_types[] = {
    { S_IFREG, '-', "regular file" },
    { S_IFDIR, 'd', "directory" },
    { S_IFLNK, 'l', "symbolic link" },
    { S_IFCHR, 'c', "character special file" },
    { S_IFBLK, 'b', "block special file" },
    { S_IFIFO, 'p', "fifo" },
    { S_IFSOCK, 's', "socket" },
};

// The entry for `mode`'s type, or NULL for an unknown type.
static const struct file_type *file_type_of(mode_t mode)
{
    for (size_t i = 0; i < sizeof file_types / sizeof file_types[0]; ++i)
        if ((mode & S_IFMT) == file_types[i].bits)
            return &file_types[i];
    return NULL;
}

void mode_string(mode_t mode, char out[11])
{
    const struct file_type *type = file_type_of(mode);
    out[0] = type ? type->letter : '-';
    static const char letters[] = "rwxrwxrwx";
    for (int i = 0; i < 9; ++i)
        out[1 + i] = (mode & (0400 >> i)) ? letters[i] : '-';
    if (mode & S_ISUID)
        out[3] = (mode & S_IXUSR) ? 's' : 'S';
    if (mode & S_ISGID)
        out[6] = (mode & S_IXGRP) ? 's' : 'S';
    if (mode & S_ISVTX)
        out[9] = (mode & S_IXOTH) ? 't' : 'T';
    out[10] = '\0';
}

const char *file_type_name(mode_t mode)
{
    const struct file_type *type = file_type_of(mode);
    return type ? type->name : "unknown";
}
