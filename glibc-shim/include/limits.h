/* limits.h: the numeric limits (from the compiler's predefined macros) and
   the POSIX limits. Self-contained: when gcc's own limits.h is searched
   first it reaches this file through include_next and then redefines the
   numeric limits to the same values. */
#ifndef _LIBC_LIMITS_H_
#define _LIBC_LIMITS_H_ 1

#include <features.h>

#undef CHAR_BIT
#define CHAR_BIT __CHAR_BIT__
#undef SCHAR_MIN
#define SCHAR_MIN (-SCHAR_MAX - 1)
#undef SCHAR_MAX
#define SCHAR_MAX __SCHAR_MAX__
#undef UCHAR_MAX
#define UCHAR_MAX (SCHAR_MAX * 2 + 1)
#undef CHAR_MIN
#undef CHAR_MAX
#ifdef __CHAR_UNSIGNED__
# define CHAR_MIN 0
# define CHAR_MAX UCHAR_MAX
#else
# define CHAR_MIN SCHAR_MIN
# define CHAR_MAX SCHAR_MAX
#endif
#undef MB_LEN_MAX
#define MB_LEN_MAX 16
#undef SHRT_MIN
#define SHRT_MIN (-SHRT_MAX - 1)
#undef SHRT_MAX
#define SHRT_MAX __SHRT_MAX__
#undef USHRT_MAX
#define USHRT_MAX (SHRT_MAX * 2 + 1)
#undef INT_MIN
#define INT_MIN (-INT_MAX - 1)
#undef INT_MAX
#define INT_MAX __INT_MAX__
#undef UINT_MAX
#define UINT_MAX (INT_MAX * 2U + 1U)
#undef LONG_MIN
#define LONG_MIN (-LONG_MAX - 1L)
#undef LONG_MAX
#define LONG_MAX __LONG_MAX__
#undef ULONG_MAX
#define ULONG_MAX (LONG_MAX * 2UL + 1UL)
#undef LLONG_MIN
#define LLONG_MIN (-LLONG_MAX - 1LL)
#undef LLONG_MAX
#define LLONG_MAX __LONG_LONG_MAX__
#undef ULLONG_MAX
#define ULLONG_MAX (LLONG_MAX * 2ULL + 1ULL)
#undef LONG_LONG_MIN
#define LONG_LONG_MIN LLONG_MIN
#undef LONG_LONG_MAX
#define LONG_LONG_MAX LLONG_MAX
#undef ULONG_LONG_MAX
#define ULONG_LONG_MAX ULLONG_MAX
#undef SSIZE_MAX
#define SSIZE_MAX LONG_MAX
#define LONG_BIT 64
#define WORD_BIT 32

/* POSIX limits: Linux's values, which programs size their buffers by. */
#define PATH_MAX 4096
#define NAME_MAX 255
#define PIPE_BUF 4096
#define ARG_MAX 131072
#define LINE_MAX 2048
#define NGROUPS_MAX 16 /* auth::kMaxGroups */
#define HOST_NAME_MAX 64
#define LOGIN_NAME_MAX 256
#define TTY_NAME_MAX 32
#define OPEN_MAX 256
#define IOV_MAX 1024
#define SYMLOOP_MAX 40
#define CHILD_MAX 999
#define MAX_CANON 255
#define MAX_INPUT 255
#define PAGESIZE 4096
#define PAGE_SIZE 4096
#define NL_ARGMAX 9
#define NL_TEXTMAX 2048
#define RE_DUP_MAX 0x7fff
#define BC_BASE_MAX 99
#define BC_DIM_MAX 2048
#define BC_SCALE_MAX 99
#define BC_STRING_MAX 1000
#define COLL_WEIGHTS_MAX 255
#define EXPR_NEST_MAX 32
#define CHARCLASS_NAME_MAX 2048
#define _POSIX_PATH_MAX 256
#define _POSIX_NAME_MAX 14
#define _POSIX_PIPE_BUF 512
#define _POSIX_ARG_MAX 4096
#define _POSIX_OPEN_MAX 20
#define _POSIX_LINK_MAX 8
#define _POSIX_MAX_CANON 255
#define _POSIX_MAX_INPUT 255
#define _POSIX_SSIZE_MAX 32767
#define _POSIX_HOST_NAME_MAX 255
#define _POSIX_SYMLOOP_MAX 8
#define _POSIX2_LINE_MAX 2048
#define _POSIX2_RE_DUP_MAX 255

#endif
