/* alloca.h: stack allocation, the compiler's builtin. */
#ifndef _ALLOCA_H
#define _ALLOCA_H 1

#include <features.h>
#define __need_size_t
#include <stddef.h>

#undef alloca
#define alloca(size) __builtin_alloca(size)

#endif
