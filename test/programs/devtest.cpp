// The device port, as the first boot task (the only one given it):
// I/O ports granted to the caller (the CMOS clock), device memory mapped
// uncached (the I/O APIC's registers), RAM refused, DMA buffers with their
// physical address, the clock's interrupt as messages, and wrong requests
// refused.
#include "checks.h"

using namespace test_checks;
using mach::KernelCall;

namespace {

mach::SelfPorts g_self;

template <typename Request>
Error device_call(KernelCall call, const Request& request, void* result = nullptr, size_t size = 0)
{
    return mach::kernel_call(g_self.device, call, &request, sizeof(request), result, size);
}

uint8_t cmos_read(uint8_t index)
{
    uint8_t value;
    asm volatile("outb %0, $0x70" : : "a"(index));
    asm volatile("inb $0x71, %0" : "=a"(value));
    return value;
}

void cmos_write(uint8_t index, uint8_t value)
{
    asm volatile("outb %0, $0x70" : : "a"(index));
    asm volatile("outb %0, $0x71" : : "a"(value));
}

struct InterruptMessage {
    mach::MessageHeader header;
    mach::InterruptNotification body;
};

// Waits for the next interrupt message of line 8: its count (how many
// interrupts the line has had, coalesced ones included), or 0 if none came.
uint64_t next_interrupt(mach::PortName port)
{
    InterruptMessage m {};
    Error status = mach::msg(&m.header, mach::kReceive | mach::kReceiveTimeout, 0, sizeof(m), port, 2000000000ull);
    bool ok = status == Error::none && m.header.id == mach::kInterruptNotification && m.body.line == 8;
    if (!ok)
        mach::Line() << "interrupt message: " << error_name(status) << ", id " << uint64_t(m.header.id) << ", line "
                     << uint64_t(m.body.line);
    return ok ? m.body.count : 0;
}

mach::PortName claim_rtc(mach::PortName port, Error* status)
{
    mach::PortName line = mach::kNullName;
    mach::DeviceInterruptRequest request { 8, 1 };
    *status = mach::kernel_call_giving(g_self.device, KernelCall::device_interrupt, port, mach::Disposition::make_send,
        &request, sizeof(request), nullptr, 0, &line);
    return line;
}

// The CMOS clock's periodic interrupt (ISA IRQ 8), delivered as messages.
void check_interrupts()
{
    mach::PortName port = 0;
    (void)mach::port_allocate(g_self.task, mach::RightType::receive, &port);
    Error status;
    mach::PortName line = claim_rtc(port, &status);
    check(status == Error::none && line != mach::kNullName, "irq8_claimed");
    if (status != Error::none)
        return;
    claim_rtc(port, &status);
    check(status == Error::busy, "irq8_claimed_twice_refused");
    cmos_write(0x0a, uint8_t((cmos_read(0x0a) & 0xf0) | 0x06)); // 1024 Hz
    cmos_write(0x0b, uint8_t(cmos_read(0x0b) | 0x40)); // periodic interrupt on
    (void)cmos_read(0x0c);
    uint64_t first = next_interrupt(port);
    check(first >= 1, "interrupt_message_arrives");
    // Unmask the line first, then let the clock raise its next interrupt
    // (reading register C): the other way round, an edge could come while
    // the line is still masked and be lost, and the clock would wait for a
    // read that never comes.
    check(mach::kernel_call(line, KernelCall::interrupt_acknowledge, nullptr, 0, nullptr, 0) == Error::none,
        "interrupt_acknowledged");
    (void)cmos_read(0x0c); // the device's own acknowledgement
    check(next_interrupt(port) > first, "next_interrupt_after_acknowledge");
    cmos_write(0x0b, uint8_t(cmos_read(0x0b) & ~0x40));
    (void)cmos_read(0x0c);
    (void)mach::port_deallocate(g_self.task, line); // no senders: the line is free again
    line = claim_rtc(port, &status);
    check(status == Error::none, "irq8_free_again_after_release");
    (void)mach::port_deallocate(g_self.task, line);
    mach::DeviceInterruptRequest bogus { 200, 0 };
    check(mach::kernel_call_giving(g_self.device, KernelCall::device_interrupt, port, mach::Disposition::make_send,
              &bogus, sizeof(bogus), nullptr, 0, &line)
            == Error::not_found,
        "unknown_line_refused");
    (void)mach::port_destroy(g_self.task, port);
}

void check_io_ports()
{
    check(device_call(KernelCall::device_io_ports, mach::DeviceIoPortsRequest { 0x70, 2 }) == Error::none,
        "io_ports_granted");
    uint8_t seconds = cmos_read(0x00);
    uint8_t status_b = cmos_read(0x0b);
    bool bcd = !(status_b & 0x04);
    check(bcd ? (seconds & 0x0f) <= 9 && seconds <= 0x59 : seconds <= 59, "cmos_clock_read");
    check(device_call(KernelCall::device_io_ports, mach::DeviceIoPortsRequest { 0xffff, 2 }) == Error::invalid_argument,
        "io_ports_past_the_end_refused");
    check(device_call(KernelCall::device_io_ports, mach::DeviceIoPortsRequest { 0x80, 0 }) == Error::invalid_argument,
        "io_ports_none_refused");
}

void check_device_memory()
{
    mach::DeviceMapReply mapped {};
    Error status = device_call(
        KernelCall::device_map_physical, mach::DeviceMapRequest { 0xfec00000, 4096, 0, 0 }, &mapped, sizeof(mapped));
    check(status == Error::none && mapped.address, "ioapic_mapped");
    if (status == Error::none) {
        volatile uint32_t* registers = reinterpret_cast<volatile uint32_t*>(mapped.address);
        registers[0] = 1; // select the version register
        uint32_t version = registers[4];
        mach::Line() << "I/O APIC version " << uint64_t(version & 0xff) << ", "
                     << uint64_t(((version >> 16) & 0xff) + 1) << " inputs";
        check((version & 0xff) >= 0x10 && ((version >> 16) & 0xff) >= 15, "ioapic_registers_read");
    }
    check(device_call(
              KernelCall::device_map_physical, mach::DeviceMapRequest { 0x100000, 4096, 1, 0 }, &mapped, sizeof(mapped))
            == Error::permission_denied,
        "ram_refused");
    check(device_call(KernelCall::device_map_physical, mach::DeviceMapRequest { 0xfec00001, 4096, 0, 0 }, &mapped,
              sizeof(mapped))
            == Error::invalid_argument,
        "unaligned_refused");
}

void check_dma()
{
    mach::DeviceDmaReply dma {};
    Error status = device_call(KernelCall::device_allocate_dma, mach::DeviceDmaRequest { 3 * 4096 }, &dma, sizeof(dma));
    check(status == Error::none && dma.physical % 16384 == 0 && dma.physical < (1ull << 32), "dma_buffer");
    if (status != Error::none)
        return;
    volatile uint8_t* bytes = reinterpret_cast<volatile uint8_t*>(dma.address);
    bool zeroed = true;
    for (int i = 0; i < 4 * 4096; i += 512)
        zeroed &= bytes[i] == 0;
    bytes[100] = 7;
    check(zeroed && bytes[100] == 7, "dma_buffer_usable");
    check(mach::vm_deallocate(g_self.task, dma.address, 4096) == Error::invalid_argument, "dma_partial_free_refused");
    check(mach::vm_deallocate(g_self.task, dma.address, 4 * 4096) == Error::none, "dma_freed");
    check(device_call(KernelCall::device_allocate_dma, mach::DeviceDmaRequest { 64ull << 20 }, &dma, sizeof(dma))
            == Error::invalid_argument,
        "dma_too_big_refused");
}

} // namespace

int main(int, char**, char**)
{
    (void)mach::self_ports(&g_self);
    check(g_self.device != mach::kNullName, "has_device_port");
    check(mach::kernel_call(g_self.host, KernelCall::device_io_ports, nullptr, 0, nullptr, 0) == Error::not_supported,
        "host_port_grants_nothing");
    check_io_ports();
    check_device_memory();
    check_dma();
    check_interrupts();
    return finish();
}
