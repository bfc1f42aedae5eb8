// The read builtin: read [-r] name... takes a line from standard input and
// splits it on IFS into the variables, the last one getting the rest.
#ifndef SH_READ_BUILTIN_H
#define SH_READ_BUILTIN_H

#include "shell.h"

#ifdef __cplusplus
extern "C" {
#endif

// Without -r a backslash quotes the next character and a backslash at the
// end of the line joins the next one. 0 when a line was read, 1 at the end
// of input, 2 for a usage error.
int builtin_read(struct shell *shell, int argc, char **argv);

// Splits `line` (backslashes already applied: `quoted[i]` says byte i may
// not separate) into `count` values, the last taking the rest of the line
// without its trailing IFS white space. Each value is a new string.
void split_for_read(const char *line, const char *quoted, const char *ifs, char **values, size_t count);

#ifdef __cplusplus
}
#endif

#endif
