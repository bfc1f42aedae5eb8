#include "memory.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void out_of_memory(void)
{
    static const char message[] = "sh: out of memory\n";
    (void)!write(STDERR_FILENO, message, sizeof message - 1);
    _exit(2);
}

void *sh_malloc(size_t size)
{
    void *memory = malloc(size ? size : 1);
    if (!memory)
        out_of_memory();
    return memory;
}

void *sh_realloc(void *old, size_t size)
{
    void *memory = realloc(old, size ? size : 1);
    if (!memory)
        out_of_memory();
    return memory;
}

void *sh_grow(void *array, size_t *capacity, size_t needed, size_t element_size)
{
    if (needed <= *capacity)
        return array;
    size_t grown = *capacity ? *capacity : 8;
    while (grown < needed) {
        if (grown > SIZE_MAX / 2 / element_size)
            out_of_memory();
        grown *= 2;
    }
    *capacity = grown;
    return sh_realloc(array, grown * element_size);
}

char *sh_strndup(const char *text, size_t length)
{
    char *copy = sh_malloc(length + 1);
    memcpy(copy, text, length);
    copy[length] = '\0';
    return copy;
}

char *sh_strdup(const char *text) { return sh_strndup(text, strlen(text)); }
