// Device interrupt lines (global system interrupts through the I/O APIC),
// for user-space drivers. A line is claimed with a delivery function; when
// it fires, the line is masked and the function runs in interrupt context
// (it must not block). The line stays masked until the holder
// acknowledges it, after servicing its device: safe for level-triggered
// lines, which would otherwise fire again at once.
#pragma once

#include <boot/boot_info.h>
#include <freestanding/result.h>
#include <stdint.h>

namespace kern {

using InterruptDelivery = void (*)(void* context, uint32_t line);

constexpr uint32_t kMaxInterruptLines = 64;

// Finds the I/O APICs (ACPI MADT), masks every input and routes lines to
// their vectors. Without usable tables it logs why and offers no line.
void interrupt_lines_init(const BootInfo& boot);

// The line ISA IRQ `irq` (0-15) arrives on, after the firmware's overrides.
Result<uint32_t> line_of_isa_irq(uint32_t irq);

// Claims `line`: busy if taken, not_found if no I/O APIC serves it.
Result<void> claim_interrupt_line(uint32_t line, InterruptDelivery deliver, void* context);
// Masks and frees a claimed line.
void release_interrupt_line(uint32_t line);
// Unmasks a claimed line after a delivery.
void acknowledge_interrupt_line(uint32_t line);
// Deliveries so far.
uint64_t interrupt_line_count(uint32_t line);

} // namespace kern
