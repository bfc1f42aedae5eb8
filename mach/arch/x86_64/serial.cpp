#include <arch/x86_64/cpu.h>
#include <arch/x86_64/serial.h>

namespace arch {
namespace {

// Register offsets from the port base.
constexpr uint16_t kData = 0;
constexpr uint16_t kInterruptEnable = 1;
constexpr uint16_t kFifoControl = 2;
constexpr uint16_t kLineControl = 3;
constexpr uint16_t kModemControl = 4;
constexpr uint16_t kLineStatus = 5;

constexpr uint8_t kDivisorLatch = 0x80;
constexpr uint8_t kEightNoneOne = 0x03;
constexpr uint8_t kTransmitEmpty = 0x20;
constexpr uint16_t kDivisor115200 = 1;

} // namespace

bool SerialPort::init()
{
    outb(m_base + kInterruptEnable, 0);
    outb(m_base + kLineControl, kDivisorLatch);
    outb(m_base + kData, kDivisor115200 & 0xff);
    outb(m_base + kInterruptEnable, kDivisor115200 >> 8);
    outb(m_base + kLineControl, kEightNoneOne);
    outb(m_base + kFifoControl, 0xc7); // enable and clear FIFOs, 14-byte threshold

    // Loopback test: a missing UART reads back 0xff, not our byte.
    outb(m_base + kModemControl, 0x1e);
    outb(m_base + kData, 0xa5);
    m_present = inb(m_base + kData) == 0xa5;
    outb(m_base + kModemControl, 0x0f); // normal operation: DTR, RTS, OUT1, OUT2
    return m_present;
}

void SerialPort::put(char c)
{
    // Bounded wait: a stuck UART must not hang the kernel.
    for (int spins = 0; spins < 100000 && !(inb(m_base + kLineStatus) & kTransmitEmpty); ++spins)
        __builtin_ia32_pause();
    outb(m_base + kData, uint8_t(c));
}

void SerialPort::write(const char* text, size_t length)
{
    if (!m_present)
        return;
    for (size_t i = 0; i < length; ++i) {
        if (text[i] == '\n')
            put('\r');
        put(text[i]);
    }
}

} // namespace arch
