#include <arch/x86_64/cpu.h>
#include <arch/x86_64/exceptions.h>
#include <arch/x86_64/memory_probe.h>
#include <debug/format.h>
#include <debug/panic_report.h>
#include <kern/user_fault.h>

namespace arch {
namespace {

const char* const kExceptionNames[32] = {
    "#DE divide error",
    "#DB debug",
    "NMI",
    "#BP breakpoint",
    "#OF overflow",
    "#BR bound range exceeded",
    "#UD invalid opcode",
    "#NM device not available",
    "#DF double fault",
    "coprocessor segment overrun",
    "#TS invalid TSS",
    "#NP segment not present",
    "#SS stack-segment fault",
    "#GP general protection fault",
    "#PF page fault",
    "reserved (15)",
    "#MF x87 floating-point error",
    "#AC alignment check",
    "#MC machine check",
    "#XM SIMD floating-point error",
    "#VE virtualization exception",
    "#CP control protection",
    "reserved (22)",
    "reserved (23)",
    "reserved (24)",
    "reserved (25)",
    "reserved (26)",
    "reserved (27)",
    "#HV hypervisor injection",
    "#VC VMM communication",
    "#SX security exception",
    "reserved (31)",
};

constexpr uint64_t kGeneralProtectionVector = 13;
constexpr uint64_t kPageFaultVector = 14;

// Spells out a page-fault error code: "write to a non-present page in kernel mode".
void describe_page_fault(uint64_t error_code, char* buffer, size_t size)
{
    const char* access = (error_code & 0x10) ? "instruction fetch from" : (error_code & 2) ? "write to" : "read from";
    const char* page = (error_code & 1) ? "a protected page" : "a non-present page";
    const char* mode = (error_code & 4) ? "user" : "kernel";
    const char* reserved = (error_code & 8) ? " (reserved bit set in a page table)" : "";
    kern::format_string(buffer, size, "%s %s in %s mode%s", access, page, mode, reserved);
}

} // namespace

const char* exception_name(uint64_t vector) { return vector < 32 ? kExceptionNames[vector] : "interrupt"; }

void handle_exception(InterruptFrame& frame)
{
    // NMI, double fault and machine check say nothing about the user code they interrupted.
    bool user_fault = frame.vector != 2 && frame.vector != 8 && frame.vector != 18;
    if (frame.from_user_mode() && user_fault) {
        kern::handle_user_exception(frame, frame.vector == kPageFaultVector ? read_cr2() : 0);
        return;
    }
    // copy_from_user and friends touch user pages that may not be there yet.
    if (frame.vector == kPageFaultVector && kern::resolve_kernel_fault_on_user_address(read_cr2(), frame.error_code))
        return;
    // A fault inside a memory probe resumes at its fixup instead.
    if (!frame.from_user_mode() && (frame.vector == kPageFaultVector || frame.vector == kGeneralProtectionVector)) {
        if (uint64_t resume = find_fault_fixup(frame.rip)) {
            frame.rip = resume;
            return;
        }
    }
    char detail[128] = "";
    if (frame.vector == kPageFaultVector) {
        char what[96];
        describe_page_fault(frame.error_code, what, sizeof(what));
        kern::format_string(detail, sizeof(detail), "%s at address %#lx", what, read_cr2());
    }
    kern::panic_with_frame(frame, exception_name(frame.vector), detail);
}

} // namespace arch
