// File operations several utilities share: copying (cp, mv across file
// systems), removing trees (rm -r, mv), and joining and splitting paths.
#ifndef LIBUTIL_FILES_H
#define LIBUTIL_FILES_H

#include <stdbool.h>
#include <sys/types.h>

// Copies the regular file (or, with `recursive`, the directory tree)
// `source` to `target`, keeping permission bits; symbolic links are copied
// as links. Returns 0, or -1 after reporting each failure (it goes on with
// the rest of a tree).
int copy_path(const char *source, const char *target, bool recursive);

// Removes `path`; a directory only with `recursive` (its contents first).
// Returns 0, or -1 after reporting. With `force`, a missing path is no error.
int remove_path(const char *path, bool recursive, bool force);

// `directory` + "/" + `name` as a new string (NULL when out of memory).
char *path_join(const char *directory, const char *name);

// The last component of `path` (after the last '/', trailing slashes
// ignored), copied into a new string; NULL when out of memory.
char *path_base_name(const char *path);

#endif
