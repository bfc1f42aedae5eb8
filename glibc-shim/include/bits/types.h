/* bits/types.h (internal): the scalar types of the glibc x86-64 ABI,
   shared by the public headers. */
#ifndef _PORTICO_BITS_TYPES_H
#define _PORTICO_BITS_TYPES_H 1

#include <features.h>
#define __need_size_t
#define __need_NULL
#include <stddef.h>

typedef long ssize_t;
typedef long off_t;
typedef long off64_t;
typedef int pid_t;
typedef unsigned int uid_t;
typedef unsigned int gid_t;
typedef unsigned int mode_t;
typedef unsigned long dev_t;
typedef unsigned long ino_t;
typedef unsigned long ino64_t;
typedef unsigned long nlink_t;
typedef unsigned long blkcnt_t;
typedef long blksize_t;
typedef unsigned long fsblkcnt_t;
typedef unsigned long fsfilcnt_t;
typedef long time_t;
typedef long clock_t;
typedef long suseconds_t;
typedef unsigned int useconds_t;
typedef int clockid_t;
typedef void *timer_t;
typedef int id_t;
typedef int key_t;
typedef unsigned int socklen_t;

#endif
