/* glob.h: pathname expansion. */
#ifndef _GLOB_H
#define _GLOB_H 1

#include <features.h>
#define __need_size_t
#include <stddef.h>

#define GLOB_ERR (1 << 0)
#define GLOB_MARK (1 << 1)
#define GLOB_NOSORT (1 << 2)
#define GLOB_DOOFFS (1 << 3)
#define GLOB_NOCHECK (1 << 4)
#define GLOB_APPEND (1 << 5)
#define GLOB_NOESCAPE (1 << 6)
#define GLOB_PERIOD (1 << 7)

#define GLOB_NOSPACE 1
#define GLOB_ABORTED 2
#define GLOB_NOMATCH 3
#define GLOB_NOSYS 4

typedef struct {
    size_t gl_pathc;
    char **gl_pathv;
    size_t gl_offs;
    int gl_flags;
} glob_t;

__BEGIN_DECLS

int glob(
    const char *__restrict pattern, int flags, int (*on_error)(const char *path, int error), glob_t *__restrict result);
void globfree(glob_t *result);

__END_DECLS

#endif
