#include <arch/x86_64/cpu.h>
#include <arch/x86_64/pit.h>

namespace arch {
namespace {

constexpr uint32_t kPitHz = 1193182;
constexpr uint16_t kChannel2Data = 0x42;
constexpr uint16_t kCommand = 0x43;
constexpr uint16_t kGatePort = 0x61; // bit 0: channel 2 gate, bit 1: speaker, bit 5: channel 2 output

} // namespace

bool pit_wait(uint32_t microseconds)
{
    if (microseconds > 50000)
        microseconds = 50000;
    uint32_t count = uint32_t(uint64_t(kPitHz) * microseconds / 1000000);

    uint8_t gate = inb(kGatePort) & ~0x03; // gate low, speaker off
    outb(kGatePort, gate);
    outb(kCommand, 0xb0); // channel 2, low then high byte, mode 0 (interrupt on terminal count)
    outb(kChannel2Data, uint8_t(count));
    outb(kChannel2Data, uint8_t(count >> 8));
    outb(kGatePort, gate | 0x01); // gate high: counting starts

    // Bounded: about a second's worth of port reads at most.
    for (uint32_t spins = 0; spins < 20000000; ++spins) {
        if (inb(kGatePort) & 0x20)
            return true;
    }
    return false;
}

} // namespace arch
