// The PC's first serial port (COM1, a 16550 UART) driven from user space:
// its I/O ports granted through the device port, its receive interrupt
// (ISA IRQ 4) delivered as messages. Output is polled (the kernel's log
// writes the same port the same way).
#pragma once

#include <freestanding/result.h>
#include <mach/port.h>
#include <stddef.h>
#include <stdint.h>

namespace term {

class Uart {
public:
    static constexpr uint16_t kBase = 0x3f8;
    static constexpr uint32_t kIsaIrq = 4;

    // Claims the ports and the interrupt line (whose messages go to
    // `notify`, a receive right of the caller) through `device`.
    Error claim(mach::PortName device, mach::PortName notify);
    // Says the interrupt was serviced (the line is masked until then).
    void acknowledge();

    // Calls take(byte) for each byte received.
    template <typename Take> void drain(Take take)
    {
        while (read_register(kLineStatus) & kDataReady)
            take(read_register(kData));
    }
    void write(const uint8_t* bytes, size_t count);

private:
    enum Register : uint16_t {
        kData = 0,
        kInterruptEnable = 1,
        kModemControl = 4,
        kLineStatus = 5,
    };
    static constexpr uint8_t kDataReady = 0x01;
    static constexpr uint8_t kTransmitterEmpty = 0x20;
    static constexpr uint8_t kReceiveInterrupt = 0x01;
    // DTR, RTS, and OUT2, which gates the UART's interrupt onto the ISA line.
    static constexpr uint8_t kModemLines = 0x0b;

    static uint8_t read_register(Register which);
    static void write_register(Register which, uint8_t value);

    mach::PortName m_line = mach::kNullName; // the interrupt line's port
};

} // namespace term
