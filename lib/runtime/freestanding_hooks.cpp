// What the freestanding code (freestanding/) asks of user space: a failed
// assertion prints where and ends the task with status 134 (as abort would);
// a spin lock has no interrupts to disable.
#include <freestanding/assert.h>
#include <freestanding/spinlock.h>
#include <runtime/mach.h>
#include <runtime/print.h>

namespace freestanding {

void assertion_failed(const char* file, int line, const char* condition)
{
    mach::Line() << file << ":" << int64_t(line) << ": assertion failed: " << condition;
    mach::task_exit(134);
}

uint64_t save_and_disable_interrupts() { return 0; }

void restore_interrupts(uint64_t) { }

} // namespace freestanding
