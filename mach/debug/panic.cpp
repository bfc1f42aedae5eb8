#include <arch/x86_64/cpu.h>
#include <arch/x86_64/qemu.h>
#include <debug/backtrace.h>
#include <debug/format.h>
#include <debug/log.h>
#include <debug/panic.h>
#include <debug/panic_report.h>

#include <stdarg.h>

namespace kern {
namespace {

bool g_exit_emulator = false;
bool g_panicking = false;

void print(const char* format, ...) __attribute__((format(printf, 1, 2)));
void print(const char* format, ...)
{
    char line[256];
    va_list args;
    va_start(args, format);
    size_t length = vformat_string(line, sizeof(line), format, args);
    va_end(args);
    log_raw(line, length < sizeof(line) ? length : sizeof(line) - 1);
}

// A panic inside a panic (say, a fault while printing the report) must not
// recurse: say so and stop.
void enter_panic()
{
    arch::disable_interrupts();
    if (g_panicking) {
        static const char kNested[] = "\nnested panic: stopping\n";
        log_raw(kNested, sizeof(kNested) - 1);
        for (;;)
            arch::halt();
    }
    g_panicking = true;
    print("\n==================== KERNEL PANIC ====================\n");
}

[[noreturn]] void stop()
{
    print("======================================================\n");
    if (g_exit_emulator)
        arch::qemu_exit(arch::QemuExitStatus::failure);
    for (;;)
        arch::halt();
}

void print_registers(const arch::InterruptFrame& f)
{
    print("rax %016lx rbx %016lx rcx %016lx rdx %016lx\n", f.rax, f.rbx, f.rcx, f.rdx);
    print("rsi %016lx rdi %016lx rbp %016lx rsp %016lx\n", f.rsi, f.rdi, f.rbp, f.rsp);
    print("r8  %016lx r9  %016lx r10 %016lx r11 %016lx\n", f.r8, f.r9, f.r10, f.r11);
    print("r12 %016lx r13 %016lx r14 %016lx r15 %016lx\n", f.r12, f.r13, f.r14, f.r15);
    print("rip %016lx rflags %08lx cs %04lx ss %04lx error %#lx\n", f.rip, f.rflags, f.cs, f.ss, f.error_code);
    print("cr0 %016lx cr2 %016lx cr3 %016lx cr4 %016lx\n", arch::read_cr0(), arch::read_cr2(), arch::read_cr3(),
        arch::read_cr4());
}

} // namespace

void set_panic_exits_emulator(bool exits) { g_exit_emulator = exits; }

void panic(const char* format, ...)
{
    enter_panic();
    char message[256];
    va_list args;
    va_start(args, format);
    vformat_string(message, sizeof(message), format, args);
    va_end(args);
    print("panic: %s\n", message);
    print_backtrace(arch::read_frame_pointer());
    stop();
}

void panic_with_frame(const arch::InterruptFrame& frame, const char* title, const char* detail)
{
    enter_panic();
    char where[160];
    describe_address(frame.rip, where, sizeof(where));
    print("%s%s%s\n", title, detail[0] ? ": " : "", detail);
    print("in %s (rip %#lx)\n", where, frame.rip);
    print_registers(frame);
    // The faulting function itself first, then its callers.
    print("  #0  %#018lx %s\n", frame.rip, where);
    print_backtrace(frame.rbp, 1);
    stop();
}

} // namespace kern
