// A 16550-compatible UART (COM1 at 0x3f8 on PCs), used for the kernel log.
#pragma once

#include <debug/log.h>

#include <stdint.h>

namespace arch {

class SerialPort final : public kern::LogSink {
public:
    explicit constexpr SerialPort(uint16_t base)
        : m_base(base)
    {
    }

    // Programs 115200 baud, 8N1, FIFOs on. Returns false when no UART
    // answers at this address (writes are then dropped).
    bool init();

    void write(const char* text, size_t length) override;

private:
    void put(char c);

    uint16_t m_base;
    bool m_present = false;
};

constexpr uint16_t kCom1 = 0x3f8;

} // namespace arch
