// The registers saved on the stack when an interrupt or exception arrives,
// in the order isr.S pushes them (lowest address first).
#pragma once

#include <stdint.h>

namespace arch {

struct InterruptFrame {
    uint64_t r15, r14, r13, r12, r11, r10, r9, r8;
    uint64_t rbp, rdi, rsi, rdx, rcx, rbx, rax;
    uint64_t vector;
    uint64_t error_code; // pushed by the CPU for some exceptions, else 0
    // Pushed by the CPU.
    uint64_t rip, cs, rflags, rsp, ss;

    bool from_user_mode() const { return (cs & 3) != 0; }
};

} // namespace arch
