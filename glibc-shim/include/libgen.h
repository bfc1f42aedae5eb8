/* libgen.h: POSIX basename and dirname (they may modify their argument). */
#ifndef _LIBGEN_H
#define _LIBGEN_H 1

#include <features.h>

__BEGIN_DECLS

char *basename(char *path);
char *dirname(char *path);

__END_DECLS

#endif
