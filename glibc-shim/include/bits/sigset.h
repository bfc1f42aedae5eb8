/* bits/sigset.h (internal): sigset_t, glibc's 128-byte layout. */
#ifndef _PORTICO_BITS_SIGSET_H
#define _PORTICO_BITS_SIGSET_H 1

typedef struct {
    unsigned long __val[1024 / (8 * sizeof(unsigned long))];
} __sigset_t;
typedef __sigset_t sigset_t;

#endif
