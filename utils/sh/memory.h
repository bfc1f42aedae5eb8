// Allocation for the shell. Running out of memory is not something a shell
// can recover from in the middle of a command, so these report it and exit
// with status 2 instead of returning NULL to every caller.
#ifndef SH_MEMORY_H
#define SH_MEMORY_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

void *sh_malloc(size_t size);
void *sh_realloc(void *old, size_t size);
// Grows an array of `*capacity` elements of `element_size` bytes so that it
// holds at least `needed`; returns the (possibly moved) array.
void *sh_grow(void *array, size_t *capacity, size_t needed, size_t element_size);
char *sh_strdup(const char *text);
char *sh_strndup(const char *text, size_t length);

#ifdef __cplusplus
}
#endif

#endif
