// A file's mode as people read it: the type and permission bits of
// st_mode as "drwxr-xr-x" (ls -l, stat) and the type's name (stat). Both
// come from one table of file types.
#ifndef LIBUTIL_FILE_MODE_H
#define LIBUTIL_FILE_MODE_H

#include <sys/types.h>

// Writes the ten-character mode string ("-rw-r--r--") and a NUL to `out`.
void mode_string(mode_t mode, char out[11]);

// The name of the file type in `mode` ("regular file", "directory", ...;
// "unknown" for a type outside POSIX's seven).
const char *file_type_name(mode_t mode);

#endif
