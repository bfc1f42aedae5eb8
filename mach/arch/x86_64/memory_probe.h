// Touching memory that may not be there, without panicking: a fault inside
// these functions is caught by the exception handler (through the fault
// fixup table) and reported as `false`. The same mechanism will carry the
// copies to and from user space.
#pragma once

#include <stdint.h>

namespace arch {

// Reads one byte at `address`; false if that faults.
bool probe_read(const volatile void* address, uint8_t& value);

// Writes the byte already at `address` back to it; false if that faults.
// (Rewriting the same value keeps the probe harmless where it succeeds.)
bool probe_write(volatile void* address);

// If `rip` is an instruction covered by the fault fixup table, returns the
// address to resume at; otherwise 0.
uint64_t find_fault_fixup(uint64_t rip);

} // namespace arch
