// The user registers syscall_entry saves on the kernel stack, in the order
// syscall_entry.S pushes them (lowest address first).
#pragma once

#include <stdint.h>

namespace arch {

struct SyscallFrame {
    uint64_t rbp;
    uint64_t r9, r8, r10, rdx, rsi, rdi;
    uint64_t rax; // the call number on entry, the result on return
    uint64_t rflags; // from r11
    uint64_t rip; // from rcx
    uint64_t rsp;
};

} // namespace arch
