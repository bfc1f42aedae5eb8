// The first entry of a new thread into user mode (syscall_entry.S).
#pragma once

#include <stdint.h>

// Enters user mode at `rip` with `rsp`, `argument` in rdi, every other register clear.
extern "C" [[noreturn]] void arch_enter_user_mode(uint64_t rip, uint64_t rsp, uint64_t argument);
