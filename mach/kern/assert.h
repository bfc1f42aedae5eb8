// KASSERT: checks an invariant whose failure is a kernel bug. It panics in
// the kernel and aborts with a message in host unit tests.
#pragma once

#ifdef PORTICO_HOST
#include <cstdio>
#include <cstdlib>
#define KASSERT(cond)                                                                   \
    do {                                                                                \
        if (!(cond)) {                                                                  \
            std::fprintf(stderr, "%s:%d: assertion failed: %s\n", __FILE__, __LINE__, #cond); \
            std::abort();                                                               \
        }                                                                               \
    } while (0)
#else
#include <kern/panic.h>
#define KASSERT(cond)                                                            \
    do {                                                                         \
        if (!(cond))                                                             \
            kern::panic("%s:%d: assertion failed: %s", __FILE__, __LINE__, #cond); \
    } while (0)
#endif
