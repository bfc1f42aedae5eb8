// CPU exceptions (vectors 0-31). For now every exception is a kernel bug and
// ends in a panic report; user-mode faults will kill their task instead.
#pragma once

#include <arch/x86_64/interrupt_frame.h>

namespace arch {

// The mnemonic and name of an exception vector, e.g. "#PF page fault".
const char* exception_name(uint64_t vector);

// Called by interrupt_dispatch for vectors below 32.
void handle_exception(InterruptFrame& frame);

} // namespace arch
