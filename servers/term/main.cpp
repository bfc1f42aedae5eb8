// term: the console. A translator on /dev/console (startup attaches it)
// whose one node is the serial line COM1 with a line discipline
// (console.h). startup grants it the device port (term.h's
// kDeviceGrantId message); the UART's interrupts arrive as messages on a
// port of the same server.
//   term
#include <fs_server/translator.h>
#include <interfaces/term.h>
#include <mach/kernel_objects.h>
#include <rpc/rights.h>
#include <runtime/mach.h>

#include "console.h"

namespace {

constexpr uint64_t kGrantTimeoutNs = 10'000'000'000ull;

term::Uart g_uart;
term::Console* g_console = nullptr;

// The UART's interrupt messages: the typed bytes go to the console.
class Keyboard final : public ports::Receiver {
public:
    bool serve(mach::MessageHeader& message, rpc::ReplyBuffer&) override
    {
        if (message.id != mach::kInterruptNotification)
            return false;
        g_uart.drain([](uint8_t byte) { g_console->typed(byte); });
        g_uart.acknowledge();
        g_console->input_done();
        return true;
    }
    void payload_released(uint64_t) override { }
};

Keyboard g_keyboard;

// The device port, from startup's grant behind the start message.
Result<mach::PortName> device_port()
{
    mach::SelfPorts self {};
    TRY_STATUS(mach::self_ports(&self));
    struct {
        mach::MessageHeader header;
        mach::PortDescriptor right;
        uint64_t slack[4];
    } grant {};
    TRY_STATUS(mach::msg(
        &grant.header, mach::kReceive | mach::kReceiveTimeout, 0, sizeof(grant), self.bootstrap, kGrantTimeoutNs));
    rpc::Right rights[1];
    if (grant.header.id != term::kDeviceGrantId || !rpc::take_rights(grant.header, rights, 1)) {
        rpc::release_carried(grant.header);
        return Error::invalid_argument;
    }
    return rights[0].name;
}

Error set_up(ports::Server& server, exec::InitPorts& init, void*)
{
    // The proc right startup gave: signals from the keyboard go through it.
    g_console->set_proc(init[exec::kProc]);
    init[exec::kProc] = mach::kNullName;
    mach::PortName device = TRY(device_port());
    mach::SelfPorts self {};
    TRY_STATUS(mach::self_ports(&self));
    mach::PortName interrupts = mach::kNullName;
    TRY_STATUS(mach::port_allocate(self.task, mach::RightType::receive, &interrupts));
    TRY_STATUS(server.adopt_port(interrupts, g_keyboard));
    return g_uart.claim(device, interrupts);
}

} // namespace

// One thread (run_translator with a setup) is sound: a handler answers from
// the line discipline and waits on no client (a read with nothing typed is
// parked, not waited for); the one call out, Kill to proc for a typed
// ^C or ^Z, has a deadline, and proc waits on no client either.
int main(int, char**, char**)
{
    Result<term::Console*> console = heap::create<term::Console>(g_uart);
    if (!console.ok())
        return 2;
    g_console = console.value();
    return fs::run_translator(*g_console, "", set_up, nullptr);
}
