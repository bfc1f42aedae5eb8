// kernel_main: the kernel's start, entered from boot.S in long mode on the
// boot CPU with the temporary page tables, interrupts off.
#include <arch/x86_64/cpu.h>
#include <arch/x86_64/gdt.h>
#include <arch/x86_64/idt.h>
#include <arch/x86_64/lapic.h>
#include <arch/x86_64/multiboot2.h>
#include <arch/x86_64/pic.h>
#include <arch/x86_64/rtc.h>
#include <arch/x86_64/serial.h>
#include <boot/boot_info.h>
#include <boot/cmdline.h>
#include <boot/program_loader.h>
#include <debug/log.h>
#include <debug/panic.h>
#include <debug/panic_report.h>
#include <kern/clock.h>
#include <kern/console/boot_console.h>
#include <kern/cxx_runtime.h>
#include <kern/interrupt_lines.h>
#include <kern/ipc_setup.h>
#include <kern/power.h>
#include <kern/scheduler.h>
#include <kern/self_tests.h>
#include <kern/timer.h>
#include <kern/version.h>
#include <vm/kernel_space.h>

namespace {

arch::SerialPort g_serial(arch::kCom1);
kern::BootInfo g_boot_info;
kern::CommandLine g_command_line;

void read_boot_information(uint32_t magic, uint64_t info_phys)
{
    if (magic != arch::kMultiboot2BootMagic)
        kern::panic("not started by a Multiboot2 boot loader (magic %#x)", magic);
    // The temporary page tables map the first 4 GiB at the direct map base.
    const void* info = reinterpret_cast<const void*>(vm::kDirectMapBase + info_phys);
    Result<void> parsed = arch::parse_multiboot2(info, info_phys, g_boot_info);
    if (!parsed.ok())
        kern::panic("unreadable Multiboot2 boot information: %s", error_name(parsed.error()));
    g_command_line = kern::CommandLine::parse(g_boot_info.cmdline);
}

void print_banner()
{
    kern::log("boot", "Portico mach %s (x86_64)", kern::kVersion);
    kern::log(
        "boot", "loaded by %s", g_boot_info.bootloader_name[0] ? g_boot_info.bootloader_name : "an unnamed loader");
    kern::log("boot", "command line: '%s'", g_boot_info.cmdline);
    for (size_t i = 0; i < g_boot_info.module_count; ++i) {
        const kern::BootModule& module = g_boot_info.modules[i];
        kern::log("boot", "module %s at %#lx, %lu bytes", module.cmdline, module.start, module.end - module.start);
    }
}

void start_timer()
{
    arch::disable_legacy_pic();
    Result<void*> registers = vm::map_device_memory(arch::lapic_physical_base(), vm::kPageSize);
    if (!registers.ok() || !arch::lapic_init(static_cast<volatile uint32_t*>(registers.value())))
        kern::panic("no usable local APIC: Portico needs one for its timer");
    uint64_t tsc_hz = arch::lapic_start_timer(kern::kTimerHz);
    if (tsc_hz == 0)
        kern::panic("could not calibrate the local APIC timer against the PIT");
    kern::clock_init(tsc_hz);
    Result<kern::CalendarTime> now = arch::read_rtc();
    if (now.ok())
        kern::set_epoch_at_boot(kern::epoch_seconds(now.value()));
    else
        kern::log("timer", "the real-time clock holds no valid date: the wall clock starts at 1970");
    arch::enable_interrupts();
    kern::log("timer", "local APIC timer at %lu Hz, TSC at %lu.%03lu MHz", kern::kTimerHz, tsc_hz / 1000000,
        (tsc_hz / 1000) % 1000);
}

// The boot thread's last job: report the uptime, once a second for the
// first seconds so a user sees the timer at work, then once an hour (the
// console is the shell's by then).
[[noreturn]] void report_uptime()
{
    constexpr uint64_t kSecondNs = 1000000000;
    constexpr uint64_t kBootSeconds = 5;
    constexpr uint64_t kHourNs = 3600 * kSecondNs;
    for (;;) {
        uint64_t now = kern::monotonic_ns();
        uint64_t period = now < kBootSeconds * kSecondNs ? kSecondNs : kHourNs;
        (void)kern::Scheduler::sleep_until((now / period + 1) * period);
        uint64_t ticks = kern::timer_ticks();
        kern::log("timer", "uptime %lu s, %lu ticks", ticks / kern::kTimerHz, ticks);
    }
}

} // namespace

namespace kern {

const BootInfo& boot_info() { return g_boot_info; }
const CommandLine& command_line() { return g_command_line; }

} // namespace kern

extern "C" [[noreturn]] void kernel_main(uint32_t magic, uint64_t info_phys)
{
    g_serial.init();
    kern::add_log_sink(g_serial);
    arch::init_gdt();
    arch::init_idt();
    kern::run_global_constructors();

    read_boot_information(magic, info_phys);
    kern::set_panic_exits_emulator(kern::self_tests_requested(g_command_line));
    print_banner();

    Result<void> memory = vm::init_kernel_memory(g_boot_info);
    if (!memory.ok())
        kern::panic("memory set-up failed: %s", error_name(memory.error()));
    kern::start_boot_console(g_boot_info);
    start_timer();
    kern::Scheduler::init("boot");
    kern::ipc_init();
    kern::interrupt_lines_init(g_boot_info);
    kern::power_init(g_boot_info);

    kern::run_self_tests(g_command_line);
    kern::start_boot_modules(g_boot_info, g_command_line.get("start"));
    report_uptime();
}
