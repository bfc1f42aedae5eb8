/* sys/cdefs.h: the declaration helpers every Portico libc header uses. */
#ifndef _SYS_CDEFS_H
#define _SYS_CDEFS_H 1

#ifdef __cplusplus
# define __BEGIN_DECLS extern "C" {
# define __END_DECLS }
# define __THROW noexcept(true)
# define __restrict_arr
#else
# define __BEGIN_DECLS
# define __END_DECLS
# define __THROW
# define __restrict_arr __restrict
#endif

#define __P(args) args
#define __PMT(args) args
#define __CONCAT(x, y) x##y
#define __STRING(x) #x
#define __nonnull(params) __attribute__((__nonnull__ params))
#define __wur __attribute__((__warn_unused_result__))
#define __attribute_pure__ __attribute__((__pure__))
#define __attribute_const__ __attribute__((__const__))
#define __attribute_malloc__ __attribute__((__malloc__))
#define __attribute_noinline__ __attribute__((__noinline__))
#define __attribute_deprecated__ __attribute__((__deprecated__))
#define __attribute_format_printf__(a, b) __attribute__((__format__(__printf__, a, b)))
#define __noreturn_attr __attribute__((__noreturn__))
#define __always_inline __inline __attribute__((__always_inline__))

#endif
