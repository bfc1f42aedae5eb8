// The first entry of a new thread into user mode (syscall_entry.S).
#pragma once

#include <stdint.h>

extern "C" [[noreturn]] void arch_enter_user_mode(uint64_t rip, uint64_t rsp);
