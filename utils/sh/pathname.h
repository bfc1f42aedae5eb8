// Pathname expansion ("globbing"): the files that match a pattern.
#ifndef SH_PATHNAME_H
#define SH_PATHNAME_H

#include "text.h"

#include <stdbool.h>

#ifdef __cplusplus
extern "C" {
#endif

// Whether `pattern` holds an unescaped *, ? or [.
bool pattern_has_magic(const char *pattern);
// Appends to `matches`, in strcmp order, every existing path that `pattern`
// matches (fnmatch rules per path component, a backslash quotes the next
// character, a leading '.' must be matched explicitly). Returns the number
// added; 0 when nothing matches (the caller keeps the word as it was).
size_t expand_pathname(const char *pattern, struct word_list *matches);
// `pattern` without its quoting backslashes, as a new string.
char *pattern_unescape(const char *pattern);

#ifdef __cplusplus
}
#endif

#endif
