// What happens when user memory or user code faults.
#pragma once

#include <arch/x86_64/interrupt_frame.h>
#include <stdint.h>

namespace kern {

// An exception from user mode: a page fault the task's address space can
// resolve resumes; anything else kills the task (logged with the task, the
// exception, rip and the fault address). Never panics.
void handle_user_exception(arch::InterruptFrame& frame, uint64_t fault_address);

// A page fault in kernel mode at `address`: true if it lies in user memory
// and the current task's address space filled it in (then the access is retried).
bool resolve_kernel_fault_on_user_address(uint64_t address, uint64_t error_code);

} // namespace kern
