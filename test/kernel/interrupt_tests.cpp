// Self tests of the interrupt path, the timer and the monotonic clock.
#include <arch/x86_64/cpu.h>
#include <arch/x86_64/idt.h>
#include <arch/x86_64/memory_probe.h>
#include <kern/clock.h>
#include <kern/timer.h>
#include <kernel/ktest.h>

namespace {

constexpr uint8_t kTestVector = 0x81;
volatile uint64_t g_test_interrupts = 0;
volatile uint64_t g_seen_rbx = 0;

void count_test_interrupt(arch::InterruptFrame& frame)
{
    g_test_interrupts = g_test_interrupts + 1;
    g_seen_rbx = frame.rbx;
    frame.rbx = 0x1234; // the change must reach the interrupted code
}

// Waits, interrupts on, until `ticks` more timer ticks have passed or the
// clock says `limit_ns` went by (so a dead timer fails instead of hanging).
bool wait_for_ticks(uint64_t ticks, uint64_t limit_ns)
{
    uint64_t target = kern::timer_ticks() + ticks;
    uint64_t deadline = kern::monotonic_ns() + limit_ns;
    while (kern::timer_ticks() < target) {
        if (kern::monotonic_ns() > deadline)
            return false;
        arch::enable_interrupts_and_halt();
    }
    return true;
}

} // namespace

KTEST(software_interrupt_round_trip)
{
    arch::set_interrupt_handler(kTestVector, count_test_interrupt);
    uint64_t before = g_test_interrupts;
    uint64_t rbx = 0xfeedface;
    asm volatile("int $0x81" : "+b"(rbx) : : "memory");
    KEXPECT(g_test_interrupts == before + 1);
    KEXPECT(g_seen_rbx == 0xfeedface);
    KEXPECT(rbx == 0x1234);
}

KTEST(timer_ticks_advance)
{
    uint64_t start_ticks = kern::timer_ticks();
    uint64_t start_ns = kern::monotonic_ns();
    KEXPECT(wait_for_ticks(10, 2000000000));
    uint64_t elapsed_ns = kern::monotonic_ns() - start_ns;
    uint64_t elapsed_ticks = kern::timer_ticks() - start_ticks;
    // 10 ticks at 100 Hz is 100 ms; allow generous slack for emulation.
    KEXPECT(elapsed_ticks >= 10);
    KEXPECT(elapsed_ns >= 80000000);
    KEXPECT(elapsed_ns < 1000000000);
}

KTEST(monotonic_clock_never_goes_back)
{
    uint64_t previous = kern::monotonic_ns();
    bool monotonic = true;
    for (int i = 0; i < 10000; ++i) {
        uint64_t now = kern::monotonic_ns();
        monotonic &= now >= previous;
        previous = now;
    }
    KEXPECT(monotonic);
    KEXPECT(kern::tsc_frequency() > 10000000); // a plausible CPU: over 10 MHz
}

KTEST(delay_waits_long_enough)
{
    uint64_t start = kern::monotonic_ns();
    kern::delay_ns(5000000);
    KEXPECT(kern::monotonic_ns() - start >= 5000000);
}

KTEST(memory_probe_reports_faults)
{
    uint8_t value = 0;
    static volatile uint8_t readable = 42;
    KEXPECT(arch::probe_read(&readable, value));
    KEXPECT(value == 42);
    KEXPECT(arch::probe_write(&readable));
    KEXPECT(!arch::probe_read(reinterpret_cast<const volatile void*>(0x7ffffff00000), value));
    KEXPECT(!arch::probe_write(reinterpret_cast<volatile void*>(0x7ffffff00000)));
    // Non-canonical addresses raise #GP rather than #PF.
    KEXPECT(!arch::probe_read(reinterpret_cast<const volatile void*>(0x8000000000000000), value));
}
