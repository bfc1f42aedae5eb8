// An I/O APIC: the chip that turns device interrupt lines (global system
// interrupts, GSIs) into interrupt vectors for the local APIC. Every input
// starts masked; routes are set one line at a time.
#pragma once

#include <freestanding/result.h>
#include <stdint.h>
#include <vm/layout.h>

namespace arch {

class IoApic {
public:
    // Maps the registers at `address`, learns how many inputs there are,
    // and masks them all.
    Result<void> init(PhysAddr address, uint32_t gsi_base);

    bool serves(uint32_t gsi) const { return gsi >= m_gsi_base && gsi < m_gsi_base + m_inputs; }
    uint32_t inputs() const { return m_inputs; }

    // Sends `gsi` to `vector` on the boot CPU, with the given trigger and
    // polarity, masked or not.
    void route(uint32_t gsi, uint8_t vector, bool level_triggered, bool active_low, bool masked);
    void set_masked(uint32_t gsi, bool masked);

private:
    uint32_t read(uint32_t index);
    void write(uint32_t index, uint32_t value);

    volatile uint32_t* m_registers = nullptr;
    uint32_t m_gsi_base = 0;
    uint32_t m_inputs = 0;
};

} // namespace arch
