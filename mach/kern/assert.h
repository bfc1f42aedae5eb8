// KASSERT: checks an invariant whose failure is a kernel bug. It panics in
// the kernel, aborts with a message in host unit tests, and ends the task
// with a message in user space (PORTICO_USER: kernel code shared with it).
#pragma once

#if defined(PORTICO_USER)
#include <runtime/mach.h>
#include <runtime/print.h>
#define KASSERT(cond)                                                                        \
    do {                                                                                     \
        if (!(cond)) {                                                                       \
            mach::Line() << __FILE__ << ":" << int64_t(__LINE__) << ": assertion failed: " #cond; \
            mach::task_exit(134);                                                            \
        }                                                                                    \
    } while (0)
#elif defined(PORTICO_HOST)
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
