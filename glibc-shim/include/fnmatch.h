/* fnmatch.h: shell-style pattern matching. */
#ifndef _FNMATCH_H
#define _FNMATCH_H 1

#include <features.h>

#define FNM_PATHNAME (1 << 0)
#define FNM_NOESCAPE (1 << 1)
#define FNM_PERIOD (1 << 2)
#define FNM_FILE_NAME FNM_PATHNAME
#define FNM_LEADING_DIR (1 << 3)
#define FNM_CASEFOLD (1 << 4)
#define FNM_NOMATCH 1
#define FNM_NOSYS (-1)

__BEGIN_DECLS

/* 0 if name matches pattern, FNM_NOMATCH if not. */
int fnmatch(const char *pattern, const char *name, int flags);

__END_DECLS

#endif
