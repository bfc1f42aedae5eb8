#include <arch/x86_64/cpu.h>
#include <arch/x86_64/idt.h>
#include <arch/x86_64/lapic.h>
#include <arch/x86_64/pit.h>
#include <kern/timer.h>

namespace arch {
namespace {

constexpr uint32_t kApicBaseMsr = 0x1b;
constexpr uint64_t kApicGlobalEnable = 1 << 11;

// Register indices (byte offset / 4).
constexpr uint32_t kEoi = 0xb0 / 4;
constexpr uint32_t kSpuriousVectorRegister = 0xf0 / 4;
constexpr uint32_t kLvtTimer = 0x320 / 4;
constexpr uint32_t kTimerInitialCount = 0x380 / 4;
constexpr uint32_t kTimerCurrentCount = 0x390 / 4;
constexpr uint32_t kTimerDivide = 0x3e0 / 4;

constexpr uint32_t kApicSoftwareEnable = 1 << 8;
constexpr uint32_t kLvtMasked = 1 << 16;
constexpr uint32_t kLvtPeriodic = 1 << 17;
constexpr uint32_t kDivideBy16 = 0x3;

constexpr uint32_t kCalibrationMicroseconds = 20000;

volatile uint32_t* g_registers = nullptr;

void timer_interrupt(InterruptFrame&)
{
    kern::timer_tick();
    lapic_end_of_interrupt();
}

void spurious_interrupt(InterruptFrame&) { } // no EOI for spurious interrupts

} // namespace

uint64_t lapic_physical_base() { return read_msr(kApicBaseMsr) & 0xffffffffff000ull; }

bool lapic_init(volatile uint32_t* registers)
{
    uint32_t a, b, c, d;
    cpuid(1, 0, a, b, c, d);
    if (!(d & (1 << 9)))
        return false;
    write_msr(kApicBaseMsr, read_msr(kApicBaseMsr) | kApicGlobalEnable);
    g_registers = registers;
    set_interrupt_handler(kSpuriousVector, spurious_interrupt);
    g_registers[kSpuriousVectorRegister] = kApicSoftwareEnable | kSpuriousVector;
    return true;
}

uint64_t lapic_start_timer(uint32_t hz)
{
    g_registers[kTimerDivide] = kDivideBy16;
    g_registers[kLvtTimer] = kLvtMasked;
    g_registers[kTimerInitialCount] = 0xffffffff;
    uint64_t tsc_start = read_tsc();
    bool ok = pit_wait(kCalibrationMicroseconds);
    uint64_t tsc_ticks = read_tsc() - tsc_start;
    uint32_t apic_ticks = 0xffffffff - g_registers[kTimerCurrentCount];
    g_registers[kTimerInitialCount] = 0;
    if (!ok || apic_ticks == 0 || tsc_ticks == 0)
        return 0;

    uint64_t apic_hz = uint64_t(apic_ticks) * 1000000 / kCalibrationMicroseconds;
    set_interrupt_handler(kTimerVector, timer_interrupt);
    g_registers[kLvtTimer] = kLvtPeriodic | kTimerVector;
    g_registers[kTimerInitialCount] = uint32_t(apic_hz / hz);
    return tsc_ticks * 1000000 / kCalibrationMicroseconds;
}

void lapic_end_of_interrupt() { g_registers[kEoi] = 0; }

} // namespace arch
