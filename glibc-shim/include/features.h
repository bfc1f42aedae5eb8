/* features.h: feature-test macros (_GNU_SOURCE, _POSIX_C_SOURCE, ...) are
   accepted and change nothing: every header always declares everything. */
#ifndef _FEATURES_H
#define _FEATURES_H 1

#include <sys/cdefs.h>

/* __GLIBC__ is deliberately not defined: portable code (gnulib above all)
   takes it as leave to reach into glibc's private structures (FILE's
   _IO_read_ptr and the like), which this libc does not have. Code that
   asks __GLIBC_PREREQ in an #if gets "no". */
#define __GLIBC_PREREQ(maj, min) 0
#define __PORTICO_LIBC__ 1

#define _POSIX_VERSION 200809L
#define _XOPEN_VERSION 700

#endif
