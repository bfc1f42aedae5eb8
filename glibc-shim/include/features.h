/* features.h: feature-test macros (_GNU_SOURCE, _POSIX_C_SOURCE, ...) are
   accepted and change nothing: every header always declares everything. */
#ifndef _FEATURES_H
#define _FEATURES_H 1

#include <sys/cdefs.h>

/* Programs that test for glibc get a glibc-like answer for the version
   macros, but __portico__ tells them where they really are. */
#define __GLIBC__ 2
#define __GLIBC_MINOR__ 36
#define __GLIBC_PREREQ(maj, min) ((__GLIBC__ << 16) + __GLIBC_MINOR__ >= ((maj) << 16) + (min))
#define __PORTICO_LIBC__ 1

#define _POSIX_VERSION 200809L
#define _XOPEN_VERSION 700

#endif
