/* assert.h: no include guard on purpose: each inclusion follows the
   NDEBUG setting in force at that point, as the C standard requires. */
#include <features.h>

#undef assert
#ifdef NDEBUG
# define assert(expression) ((void)0)
#else
# ifdef __cplusplus
#  define __PORTICO_ASSERT_FUNCTION __PRETTY_FUNCTION__
# else
#  define __PORTICO_ASSERT_FUNCTION __func__
# endif
# define assert(expression)                                                                                            \
  ((expression) ? (void)0 : __assert_fail(#expression, __FILE__, __LINE__, __PORTICO_ASSERT_FUNCTION))
#endif

#ifndef _PORTICO_ASSERT_DECLARED
# define _PORTICO_ASSERT_DECLARED 1
__BEGIN_DECLS
/* Reports a failed assertion on fd 2 and aborts. */
void __assert_fail(const char *expression, const char *file, unsigned int line, const char *function)
    __attribute__((__noreturn__));
__END_DECLS
#endif

#if !defined(__cplusplus) && !defined(static_assert)
# define static_assert _Static_assert
#endif
