// Reading firmware tables wherever the firmware put them (an
// arch::PhysicalReader for the ACPI readers).
#pragma once

#include <stddef.h>
#include <vm/layout.h>

namespace kern {

// Firmware memory is often reserved memory the direct map leaves out: it is
// mapped on demand and copied with a checked copy, so that a bad pointer
// in a table is an error (false), not a fault.
bool read_firmware_memory(PhysAddr address, void* out, size_t size, void* context);

} // namespace kern
