// What the freestanding code (freestanding/) and the kernel sources compiled
// for the host ask of the unit tests: a failed assertion prints where and
// aborts (child_process.h's aborts() sees it).
#include <cstdio>
#include <cstdlib>
#include <freestanding/assert.h>

namespace freestanding {

void assertion_failed(const char* file, int line, const char* condition)
{
    std::fprintf(stderr, "%s:%d: assertion failed: %s\n", file, line, condition);
    std::abort();
}

} // namespace freestanding
