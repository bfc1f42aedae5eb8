// Data of this CPU that entry code reaches through the GS base: the kernel
// stack to switch to on a system call, and a scratch slot for the user's
// stack pointer. FIXME(SMP): one instance; each CPU will need its own.
#pragma once

#include <stdint.h>

namespace arch {

struct PerCpu {
    uint64_t kernel_stack_top; // %gs:0, read by syscall_entry
    uint64_t user_stack_scratch; // %gs:8, written by syscall_entry
};

// Points the kernel GS base at this CPU's PerCpu and enables `syscall`
// (EFER.SCE, STAR, LSTAR, FMASK). Called once at boot, after init_gdt.
void init_per_cpu_and_syscalls();

// The stack the CPU switches to when a thread enters the kernel from user
// mode, by interrupt (TSS) or by `syscall` (PerCpu).
void set_kernel_entry_stack(uint64_t stack_top);

// Sets the user FS base (the thread pointer for TLS).
void set_user_fs_base(uint64_t base);

// A canonical lower-half address (where user code may return to).
constexpr bool is_canonical_user(uint64_t address) { return address < 0x0000800000000000ull; }

} // namespace arch
