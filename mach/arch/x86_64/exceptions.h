// CPU exceptions (vectors 0-31). An exception in user mode kills the task
// (unless it is a page fault its address space resolves); one in kernel mode
// is a kernel bug and ends in a panic report, except for faults on user
// memory that the address space resolves or a memory probe expects.
#pragma once

#include <arch/x86_64/interrupt_frame.h>

namespace arch {

// The mnemonic and name of an exception vector, e.g. "#PF page fault".
const char* exception_name(uint64_t vector);

// Called by interrupt_dispatch for vectors below 32.
void handle_exception(InterruptFrame& frame);

} // namespace arch
