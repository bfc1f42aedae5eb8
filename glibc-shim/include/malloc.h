/* malloc.h: the allocator's extra entry points. */
#ifndef _MALLOC_H
#define _MALLOC_H 1

#include <stdlib.h>

#endif
