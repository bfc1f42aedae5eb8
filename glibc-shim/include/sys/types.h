/* sys/types.h: the POSIX scalar types (glibc x86-64 ABI). */
#ifndef _SYS_TYPES_H
#define _SYS_TYPES_H 1

#include <bits/types.h>
#include <stdint.h>

typedef unsigned char u_char;
typedef unsigned short u_short;
typedef unsigned int u_int;
typedef unsigned long u_long;
typedef unsigned short ushort;
typedef unsigned int uint;
typedef unsigned long ulong;
typedef uint8_t u_int8_t;
typedef uint16_t u_int16_t;
typedef uint32_t u_int32_t;
typedef uint64_t u_int64_t;
typedef long long quad_t;
typedef unsigned long long u_quad_t;
typedef char *caddr_t;
typedef long daddr_t;
typedef long register_t;

#endif
