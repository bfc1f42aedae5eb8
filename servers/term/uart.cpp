#include "uart.h"

#include <runtime/kernel_call.h>
#include <runtime/mach.h>

namespace term {

uint8_t Uart::read_register(Register which)
{
    uint8_t value;
    asm volatile("inb %1, %0" : "=a"(value) : "Nd"(uint16_t(kBase + which)));
    return value;
}

void Uart::write_register(Register which, uint8_t value)
{
    asm volatile("outb %0, %1" : : "a"(value), "Nd"(uint16_t(kBase + which)));
}

Error Uart::claim(mach::PortName device, mach::PortName notify)
{
    mach::DeviceIoPortsRequest ports { kBase, 8 };
    TRY_STATUS(mach::kernel_call(device, mach::KernelCall::device_io_ports, &ports, sizeof(ports), nullptr, 0));
    mach::DeviceInterruptRequest line { kIsaIrq, 1 };
    TRY_STATUS(mach::kernel_call_giving(device, mach::KernelCall::device_interrupt, notify,
        mach::Disposition::make_send, &line, sizeof(line), nullptr, 0, &m_line));
    write_register(kModemControl, kModemLines);
    write_register(kInterruptEnable, kReceiveInterrupt);
    return Error::none;
}

void Uart::acknowledge()
{
    (void)mach::kernel_call(m_line, mach::KernelCall::interrupt_acknowledge, nullptr, 0, nullptr, 0);
}

void Uart::write(const uint8_t* bytes, size_t count)
{
    for (size_t i = 0; i < count; i++) {
        while (!(read_register(kLineStatus) & kTransmitterEmpty))
            asm volatile("pause");
        write_register(kData, bytes[i]);
    }
}

} // namespace term
