// What the freestanding code shared with user space (freestanding/) asks of
// the kernel: a failed assertion is a kernel bug and panics; a spin lock
// disables interrupts so that an interrupt handler cannot deadlock against it.
#include <arch/x86_64/cpu.h>
#include <debug/panic.h>
#include <freestanding/assert.h>
#include <freestanding/spinlock.h>

namespace freestanding {

void assertion_failed(const char* file, int line, const char* condition)
{
    kern::panic("%s:%d: assertion failed: %s", file, line, condition);
}

uint64_t save_and_disable_interrupts() { return arch::save_and_disable_interrupts(); }

void restore_interrupts(uint64_t flags) { arch::restore_interrupts(flags); }

} // namespace freestanding
