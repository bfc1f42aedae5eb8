#include <arch/x86_64/ioapic.h>
#include <vm/kernel_space.h>

namespace arch {
namespace {

// Registers are reached through an index (at 0x00) and a window (at 0x10).
constexpr uint32_t kWindowWords = 4;
constexpr uint32_t kVersion = 1;
constexpr uint32_t kFirstRedirection = 0x10;
constexpr uint32_t kMasked = 1u << 16;
constexpr uint32_t kLevel = 1u << 15;
constexpr uint32_t kActiveLow = 1u << 13;

} // namespace

uint32_t IoApic::read(uint32_t index)
{
    m_registers[0] = index;
    return m_registers[kWindowWords];
}

void IoApic::write(uint32_t index, uint32_t value)
{
    m_registers[0] = index;
    m_registers[kWindowWords] = value;
}

Result<void> IoApic::init(PhysAddr address, uint32_t gsi_base)
{
    void* registers = TRY(vm::map_device_memory(address, vm::kPageSize));
    m_registers = static_cast<volatile uint32_t*>(registers);
    m_gsi_base = gsi_base;
    m_inputs = ((read(kVersion) >> 16) & 0xff) + 1;
    for (uint32_t input = 0; input < m_inputs; input++)
        write(kFirstRedirection + 2 * input, kMasked);
    return {};
}

void IoApic::route(uint32_t gsi, uint8_t vector, bool level_triggered, bool active_low, bool masked)
{
    uint32_t input = gsi - m_gsi_base;
    uint32_t low = vector | (level_triggered ? kLevel : 0) | (active_low ? kActiveLow : 0) | (masked ? kMasked : 0);
    write(kFirstRedirection + 2 * input + 1, 0); // destination: APIC id 0, the boot CPU
    write(kFirstRedirection + 2 * input, low);
}

void IoApic::set_masked(uint32_t gsi, bool masked)
{
    uint32_t index = kFirstRedirection + 2 * (gsi - m_gsi_base);
    uint32_t low = read(index);
    write(index, masked ? (low | kMasked) : (low & ~kMasked));
}

} // namespace arch
