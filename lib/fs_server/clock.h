// The time a file system stamps on its nodes (access, modify, change).
#pragma once

#include <runtime/mach.h>
#include <stdint.h>

namespace fs {

// Now, in nanoseconds.
inline uint64_t now_ns()
{
    uint64_t ns = 0;
    (void)mach::clock_monotonic(&ns); // FIXME(clock): since boot, until a clock server gives the date
    return ns;
}

} // namespace fs
