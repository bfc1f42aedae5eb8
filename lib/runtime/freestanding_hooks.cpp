// What the freestanding code (freestanding/) asks of user space: a failed
// assertion prints where and ends the task with status 134 (as abort would).
#include <freestanding/assert.h>
#include <runtime/mach.h>
#include <runtime/print.h>

namespace freestanding {

void assertion_failed(const char* file, int line, const char* condition)
{
    mach::Line() << file << ":" << int64_t(line) << ": assertion failed: " << condition;
    mach::task_exit(134);
}

} // namespace freestanding
