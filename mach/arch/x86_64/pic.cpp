#include <arch/x86_64/cpu.h>
#include <arch/x86_64/pic.h>

namespace arch {

void disable_legacy_pic()
{
    constexpr uint16_t kPrimaryCommand = 0x20, kPrimaryData = 0x21;
    constexpr uint16_t kSecondaryCommand = 0xa0, kSecondaryData = 0xa1;
    // Initialization sequence: ICW1 (edge, cascade, ICW4 follows), ICW2
    // (vector base), ICW3 (cascade wiring), ICW4 (8086 mode).
    outb(kPrimaryCommand, 0x11);
    outb(kSecondaryCommand, 0x11);
    outb(kPrimaryData, 0x20);
    outb(kSecondaryData, 0x28);
    outb(kPrimaryData, 0x04);
    outb(kSecondaryData, 0x02);
    outb(kPrimaryData, 0x01);
    outb(kSecondaryData, 0x01);
    // Mask everything: a stray legacy interrupt would otherwise arrive as a
    // spurious vector in the 0x20 range.
    outb(kPrimaryData, 0xff);
    outb(kSecondaryData, 0xff);
}

} // namespace arch
