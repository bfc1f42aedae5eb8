// What the freestanding code shared with user space (freestanding/) asks of
// the kernel: a failed assertion is a kernel bug and panics.
#include <debug/panic.h>
#include <freestanding/assert.h>

namespace freestanding {

void assertion_failed(const char* file, int line, const char* condition)
{
    kern::panic("%s:%d: assertion failed: %s", file, line, condition);
}

} // namespace freestanding
