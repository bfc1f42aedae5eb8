// Deliberate crashes for the panic-report system tests (`crash=<kind>` on
// the kernel command line). Kept out of line and unoptimized-away so the
// backtrace shows a real chain of calls.
#include <debug/log.h>
#include <debug/panic.h>
#include <freestanding/string.h>
#include <kernel/crash_tests.h>
#include <kernel/ktest.h>

#include <stdint.h>

// An address in the user half that nothing maps.
constexpr uint64_t kUnmappedAddress = 0x7ffffff00000;

[[gnu::noinline]] void provoke_page_fault(volatile uint64_t* target)
{
    *target = 0x600d;
    asm volatile("" ::: "memory"); // keep the write and the frame
}

namespace kern {

void run_crash_test(const char* which)
{
    log("ktest", "crash test: %s", which);
    if (strcmp(which, "page_fault") == 0)
        provoke_page_fault(reinterpret_cast<volatile uint64_t*>(kUnmappedAddress));
    else if (strcmp(which, "panic") == 0)
        panic("crash test: deliberate panic");
    else
        log("ktest", "crash test: unknown kind '%s'", which);
}

} // namespace kern
