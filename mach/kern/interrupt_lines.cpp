#include <arch/x86_64/acpi_tables.h>
#include <arch/x86_64/cpu.h>
#include <arch/x86_64/idt.h>
#include <arch/x86_64/interrupt_frame.h>
#include <arch/x86_64/ioapic.h>
#include <arch/x86_64/lapic.h>
#include <boot/firmware_memory.h>
#include <debug/log.h>
#include <kern/interrupt_lines.h>
#include <vm/address_space.h>
#include <vm/kernel_space.h>

namespace kern {
namespace {

constexpr uint8_t kFirstLineVector = 0x40;

struct Line {
    InterruptDelivery deliver = nullptr;
    void* context = nullptr;
    arch::IoApic* chip = nullptr;
    bool level_triggered = false;
    bool active_low = false;
    uint64_t count = 0;
};

// FIXME(SMP): routed to the boot CPU; the table is changed with interrupts off.
arch::IoApic g_chips[arch::InterruptTopology::kMaxIoApics];
size_t g_chip_count = 0;
Line g_lines[kMaxInterruptLines];
arch::InterruptTopology g_topology;

void line_interrupt(arch::InterruptFrame& frame)
{
    uint32_t number = uint32_t(frame.vector - kFirstLineVector);
    Line& line = g_lines[number];
    if (line.chip)
        line.chip->set_masked(number, true);
    arch::lapic_end_of_interrupt();
    line.count++;
    if (line.deliver)
        line.deliver(line.context, number);
}

// Trigger and polarity: ISA lines as the firmware says (edge, active high
// by default); the others are PCI's (level, active low).
void wiring_of(uint32_t number, Line& line)
{
    line.level_triggered = number >= 16;
    line.active_low = number >= 16;
    for (size_t i = 0; i < g_topology.override_count; i++) {
        if (g_topology.overrides[i].gsi == number) {
            line.level_triggered = g_topology.overrides[i].level_triggered;
            line.active_low = g_topology.overrides[i].active_low;
        }
    }
}

} // namespace

void interrupt_lines_init(const BootInfo& boot)
{
    Result<arch::InterruptTopology> topology
        = arch::read_interrupt_topology(boot.acpi_rsdp, boot.acpi_rsdp_size, read_firmware_memory, nullptr);
    if (!topology.ok()) {
        log("irq", "no interrupt lines for drivers: ACPI tables unusable (%s)", error_name(topology.error()));
        return;
    }
    g_topology = topology.value();
    for (size_t i = 0; i < g_topology.io_apic_count; i++) {
        const arch::IoApicInfo& info = g_topology.io_apics[i];
        if (!g_chips[g_chip_count].init(info.address, info.gsi_base).ok())
            continue;
        log("irq", "I/O APIC %u at %#lx: lines %u-%u", info.id, info.address, info.gsi_base,
            info.gsi_base + g_chips[g_chip_count].inputs() - 1);
        g_chip_count++;
    }
    for (uint32_t number = 0; number < kMaxInterruptLines; number++) {
        for (size_t i = 0; i < g_chip_count; i++) {
            if (g_chips[i].serves(number))
                g_lines[number].chip = &g_chips[i];
        }
        if (g_lines[number].chip)
            arch::set_interrupt_handler(uint8_t(kFirstLineVector + number), line_interrupt);
    }
}

Result<uint32_t> line_of_isa_irq(uint32_t irq)
{
    if (irq >= 16)
        return Error::invalid_argument;
    return g_topology.isa_route(uint8_t(irq)).gsi;
}

Result<void> claim_interrupt_line(uint32_t number, InterruptDelivery deliver, void* context)
{
    if (number >= kMaxInterruptLines || !g_lines[number].chip)
        return Error::not_found;
    arch::InterruptsOff off;
    Line& line = g_lines[number];
    if (line.deliver)
        return Error::busy;
    line.deliver = deliver;
    line.context = context;
    wiring_of(number, line);
    line.chip->route(number, uint8_t(kFirstLineVector + number), line.level_triggered, line.active_low, false);
    return {};
}

void release_interrupt_line(uint32_t number)
{
    if (number >= kMaxInterruptLines || !g_lines[number].chip)
        return;
    arch::InterruptsOff off;
    g_lines[number].chip->set_masked(number, true);
    g_lines[number].deliver = nullptr;
    g_lines[number].context = nullptr;
}

void acknowledge_interrupt_line(uint32_t number)
{
    if (number >= kMaxInterruptLines || !g_lines[number].chip || !g_lines[number].deliver)
        return;
    arch::InterruptsOff off;
    g_lines[number].chip->set_masked(number, false);
}

uint64_t interrupt_line_count(uint32_t number) { return number < kMaxInterruptLines ? g_lines[number].count : 0; }

} // namespace kern
