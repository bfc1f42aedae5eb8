#include <exec/init_ports.h>
#include <interfaces/proc.h>
#include <rpc/client.h>
#include <rpc/rights.h>
#include <runtime/mach.h>

namespace exec {
namespace {

// The program's proc handle, for telling proc how it ended.
mach::PortName g_proc_handle = mach::kNullName;

} // namespace

Result<mach::PortName> make_bootstrap(const InitPorts& ports, mach::PortName port, const Descriptors* descriptors)
{
    mach::SelfPorts self {};
    TRY_STATUS(mach::self_ports(&self));
    bool made = port == mach::kNullName;
    if (made)
        TRY_STATUS(mach::port_allocate(self.task, mach::RightType::receive, &port));
    rpc::RequestMessage<StartMessage> message {};
    message.header.destination = port;
    message.header.destination_disposition = mach::Disposition::make_send;
    message.header.id = StartMessage::kId;
    message.header.size = sizeof(message);
    message.header.descriptor_count = kInitPortCount;
    if (descriptors)
        message.body = *descriptors;
    rpc::Right rights[kInitPortCount];
    for (uint32_t i = 0; i < kInitPortCount; i++) {
        if (ports.at[i] != mach::kNullName)
            rights[i] = { ports.at[i], mach::Disposition::copy_send };
    }
    rpc::put_rights(rpc::descriptors_of(message.header), rights, kInitPortCount);
    // The port is new and empty (or the caller's own): the send never waits.
    Error sent = mach::msg(&message.header, mach::kSend | mach::kSendTimeout, sizeof(message), 0, mach::kNullName, 0);
    if (sent != Error::none) {
        if (made)
            (void)mach::port_destroy(self.task, port);
        return sent;
    }
    return port;
}

InitPorts receive_init_ports(Descriptors* descriptors)
{
    if (descriptors)
        descriptors->count = 0;
    InitPorts ports;
    mach::SelfPorts self {};
    if (mach::self_ports(&self) != Error::none || self.bootstrap == mach::kNullName)
        return ports;
    if (!mach::is_receive_right(self.task, self.bootstrap))
        return ports;
    rpc::RequestMessage<StartMessage> message {};
    Error received
        = mach::msg(&message.header, mach::kReceive | mach::kReceiveTimeout, 0, sizeof(message), self.bootstrap, 0);
    if (received != Error::none)
        return ports;
    rpc::Right rights[kInitPortCount];
    if (message.header.id != StartMessage::kId || !rpc::take_rights(message.header, rights, kInitPortCount)) {
        rpc::release_carried(message.header); // not ours to read
        return ports;
    }
    for (uint32_t i = 0; i < kInitPortCount; i++)
        ports.at[i] = rights[i].name;
    if (descriptors && message.body.valid())
        *descriptors = message.body;
    if (ports[kProc] != mach::kNullName)
        (void)mach::port_mod_refs(self.task, ports[kProc], mach::RightType::send, 1); // a reference of our own
    g_proc_handle = ports[kProc];
    return ports;
}

void release(InitPorts& ports)
{
    for (mach::PortName& name : ports.at) {
        if (name != mach::kNullName)
            rpc::release({ name, mach::Disposition::move_send });
        name = mach::kNullName;
    }
}

} // namespace exec

// Called by lib/runtime's start when main returns (see lib/runtime/start.cpp).
extern "C" void portico_before_exit(int status)
{
    if (exec::g_proc_handle == mach::kNullName)
        return;
    // A proc that does not answer must not keep the program from ending.
    constexpr uint64_t kTimeoutNs = 1'000'000'000;
    proc::Exit::Reply reply {};
    (void)rpc::call<proc::Exit>(exec::g_proc_handle, { status & 0xff, 0 }, reply, {}, nullptr, kTimeoutNs);
}
