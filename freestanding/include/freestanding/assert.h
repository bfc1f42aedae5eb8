// ASSERT: checks an invariant whose failure is a bug in the program. The
// freestanding code cannot know how its user stops, so each side defines
// assertion_failed() once: the kernel panics (mach/kern/freestanding_hooks.cpp),
// user space prints and ends the task (lib/runtime/freestanding_hooks.cpp),
// host unit tests print and abort (test/unit/support/freestanding_hooks.cpp).
#pragma once

namespace freestanding {

// Reports that `condition` (at file:line) was false and never returns.
[[noreturn]] void assertion_failed(const char* file, int line, const char* condition);

} // namespace freestanding

#define ASSERT(cond)                                                                                                   \
    do {                                                                                                               \
        if (!(cond))                                                                                                   \
            ::freestanding::assertion_failed(__FILE__, __LINE__, #cond);                                               \
    } while (0)
