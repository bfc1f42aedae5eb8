// The boot CPU's local APIC: its timer drives the periodic tick, and every
// interrupt it delivers is acknowledged here.
#pragma once

#include <stdint.h>

namespace arch {

// Physical address of the local APIC registers (from IA32_APIC_BASE).
uint64_t lapic_physical_base();

// Enables the local APIC, whose registers are mapped at `registers`.
// Returns false if the CPU has no APIC.
bool lapic_init(volatile uint32_t* registers);

// Measures the TSC and APIC timer rates against the PIT, starts the APIC
// timer at `hz` interrupts per second on kTimerVector, and returns the TSC
// rate in Hz (0 if calibration failed; the timer is then not started).
uint64_t lapic_start_timer(uint32_t hz);

// Signals end of interrupt to the local APIC.
void lapic_end_of_interrupt();

} // namespace arch
