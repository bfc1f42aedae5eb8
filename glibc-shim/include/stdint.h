/* stdint.h: the exact-width integer types come from gcc's own stdint-gcc.h,
   which follows the compiler's target (LP64: int64_t is long). */
#ifndef _PORTICO_STDINT_H
#define _PORTICO_STDINT_H 1

#ifdef __cplusplus
# undef __STDC_LIMIT_MACROS
# define __STDC_LIMIT_MACROS
# undef __STDC_CONSTANT_MACROS
# define __STDC_CONSTANT_MACROS
#endif
#include <stdint-gcc.h>

#endif
