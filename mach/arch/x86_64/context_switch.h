// Switching between kernel threads (context_switch.S).
#pragma once

#include <stdint.h>

extern "C" {
// Saves the current stack pointer in *save_rsp and resumes the thread saved at next_rsp.
void arch_context_switch(uint64_t* save_rsp, uint64_t next_rsp);
// The first return address of a new thread: calls thread_trampoline_entry(r12, r13).
void arch_thread_trampoline();
// Defined by the scheduler: runs `entry(argument)` as a new thread's body; never returns.
[[noreturn]] void thread_trampoline_entry(void (*entry)(void*), void* argument);
}

namespace arch {

// Builds the first frame of a new thread on `stack_top` (16-byte aligned)
// and returns the stack pointer to hand to arch_context_switch.
inline uint64_t prepare_thread_stack(uint64_t stack_top, void (*entry)(void*), void* argument)
{
    uint64_t* sp = reinterpret_cast<uint64_t*>(stack_top);
    *--sp = 0; // keeps the trampoline's call 16-byte aligned as the ABI expects
    *--sp = reinterpret_cast<uint64_t>(&arch_thread_trampoline);
    *--sp = 0; // rbp
    *--sp = 0; // rbx
    *--sp = reinterpret_cast<uint64_t>(entry); // r12
    *--sp = reinterpret_cast<uint64_t>(argument); // r13
    *--sp = 0; // r14
    *--sp = 0; // r15
    return reinterpret_cast<uint64_t>(sp);
}

} // namespace arch
