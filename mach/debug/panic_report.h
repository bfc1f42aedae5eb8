// The parts of a panic report, shared by panic() and the exception handlers.
#pragma once

#include <arch/x86_64/interrupt_frame.h>

#include <stdint.h>

namespace kern {

// Reports an exception: title ("#PF page fault"), detail, the faulting
// function, all registers and a backtrace; then stops like panic().
[[noreturn]] void panic_with_frame(const arch::InterruptFrame& frame, const char* title, const char* detail);

// When set (test mode), a panic ends QEMU with a failing exit status
// instead of halting the machine.
void set_panic_exits_emulator(bool exits);

} // namespace kern
