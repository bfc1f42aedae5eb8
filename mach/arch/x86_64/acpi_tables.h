// Reading the ACPI tables the kernel needs: from the root pointer (RSDP)
// GRUB hands over, through the RSDT or XSDT, to the MADT, which says where
// the I/O APICs are and how ISA interrupts are wired to them.
//
// Firmware tables are input like any other: every pointer, length and
// checksum is checked, and a corrupt table is an error, never an overrun.
// Physical memory is read through a PhysicalReader, so host tests can
// serve fake tables.
#pragma once

#include <freestanding/result.h>
#include <stddef.h>
#include <stdint.h>
#include <vm/layout.h>

namespace arch {

// Copies `size` bytes at physical `address` into `out`; false if that memory cannot be read.
using PhysicalReader = bool (*)(PhysAddr address, void* out, size_t size, void* context);

struct IoApicInfo {
    uint8_t id;
    PhysAddr address; // its registers
    uint32_t gsi_base; // the first global system interrupt it serves
};

// An ISA interrupt wired other than the default (edge, active high, GSI = IRQ).
struct InterruptOverride {
    uint8_t isa_irq;
    uint32_t gsi;
    bool active_low;
    bool level_triggered;
};

struct InterruptTopology {
    static constexpr size_t kMaxIoApics = 4;
    static constexpr size_t kMaxOverrides = 16;

    IoApicInfo io_apics[kMaxIoApics];
    size_t io_apic_count = 0;
    InterruptOverride overrides[kMaxOverrides];
    size_t override_count = 0;

    // How ISA IRQ `irq` arrives: its GSI, polarity and trigger.
    InterruptOverride isa_route(uint8_t irq) const;
};

// The biggest table read (a MADT for a few hundred CPUs fits).
constexpr size_t kMaxAcpiTableSize = 16384;

// Finds the MADT from the RSDP copy (rsdp_size bytes) and reads it.
// invalid_argument: a bad root pointer or table (checksum, length,
// signature); not_found: no MADT; bad_address: unreadable memory.
Result<InterruptTopology> read_interrupt_topology(
    const uint8_t* rsdp, size_t rsdp_size, PhysicalReader read, void* context);

// How to put the machine into S5 (soft off): the PM1 control registers
// (I/O ports) from the FADT, and the sleep type values of \\_S5 found in
// the DSDT's AML. Writing (type << 10) | SLP_EN to each register powers off.
struct PowerControl {
    uint16_t pm1a_control = 0;
    uint16_t pm1b_control = 0; // 0: none
    uint8_t sleep_type_a = 0;
    uint8_t sleep_type_b = 0;
};

// not_found: no FADT, or no \\_S5 object; the other errors as above.
Result<PowerControl> read_power_control(const uint8_t* rsdp, size_t rsdp_size, PhysicalReader read, void* context);

} // namespace arch
