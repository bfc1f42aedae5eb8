// The "source... target" operands of cp, mv and ln: with two operands the
// target is the new name unless it is a directory; with more it must be a
// directory, and each source goes into it under its own last component.
#ifndef LIBUTIL_TARGETS_H
#define LIBUTIL_TARGETS_H

// Does `operation(source, destination)` for each source in `operands`
// (`count` >= 2, the last one the target). Returns 0 when every operation
// returned 0, else 1 (for the exit status); reports usage errors itself.
int for_each_source(int count, char **operands, int (*operation)(const char *source, const char *destination));

#endif
