// The interrupt descriptor table and the registry of interrupt handlers.
#pragma once

#include <arch/x86_64/interrupt_frame.h>

#include <stdint.h>

namespace arch {

constexpr uint8_t kFirstIrqVector = 32;
constexpr uint8_t kTimerVector = 32;
constexpr uint8_t kSpuriousVector = 0xff;

using InterruptHandler = void (*)(InterruptFrame&);

// Fills and loads the IDT: every vector enters interrupt_dispatch.
void init_idt();

// Routes `vector` (>= 32) to `handler`. Exceptions (< 32) are handled by the
// kernel's fault code and cannot be rerouted.
void set_interrupt_handler(uint8_t vector, InterruptHandler handler);

} // namespace arch
