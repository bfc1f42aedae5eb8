// The bytes of the IPC core's kernel objects: a name-space entry must stay
// within 16 bytes and a payload record within 32 (an open file costs one of
// each), the port is reported for reference.
#include <arch/x86_64/cpu.h>
#include <bench/kbench.h>
#include <ipc/message.h>
#include <ipc/name_space.h>
#include <ipc/payload_record.h>
#include <ipc/port.h>
#include <ipc/transfer.h>

KBENCH(ipc_object_sizes)
{
    kern::bench_report("entry_bytes", ipc::NameSpace::entry_bytes(), "bytes");
    kern::bench_report("payload_record_bytes", sizeof(ipc::PayloadRecord), "bytes");
    kern::bench_report("port_bytes", sizeof(ipc::Port), "bytes");
}

// The IPC core alone (no system call, no thread switch): one 32-byte
// message copied in from one name space, queued, taken and copied out
// into another.
KBENCH(ipc_core_message)
{
    arch::InterruptsOff off;
    ipc::NameSpace* sender = ipc::NameSpace::create().value();
    ipc::NameSpace* receiver = ipc::NameSpace::create().value();
    mach::PortName port = receiver->allocate(mach::RightType::receive).value();
    mach::PortName send = receiver->extract_right(port, mach::Disposition::make_send, *sender).value();
    mach::MessageHeader header {};
    header.destination = send;
    header.destination_disposition = mach::Disposition::copy_send;
    header.size = sizeof(header);
    mach::MessageHeader out {};
    uint64_t per_message = kern::instructions_per_operation(10000, [&] {
        ipc::Message* message = ipc::copyin_message(*sender, &header, sizeof(header)).value();
        (void)ipc::send(message);
        ipc::ReceiveSource source = receiver->receive_source(port).value();
        (void)ipc::copyout_message(*receiver, ipc::take_message(source, sizeof(out)).value(), &out);
    });
    kern::bench_report("ipc_core_message", per_message, "insn/op");
    ipc::NameSpace::destroy(sender);
    ipc::NameSpace::destroy(receiver);
}

// The direct path alone (no system call, no thread switch): a request
// with a send-once reply right into the server's space and the answer
// back through it, as one RPC round trip's IPC work.
KBENCH(ipc_core_direct_rpc)
{
    arch::InterruptsOff off;
    ipc::NameSpace* client = ipc::NameSpace::create().value();
    ipc::NameSpace* server = ipc::NameSpace::create().value();
    mach::PortName service = server->allocate(mach::RightType::receive).value();
    mach::PortName send = server->extract_right(service, mach::Disposition::make_send, *client).value();
    mach::PortName reply = client->allocate(mach::RightType::receive).value();
    mach::MessageHeader request {};
    request.destination = send;
    request.destination_disposition = mach::Disposition::copy_send;
    request.reply = reply;
    request.reply_disposition = mach::Disposition::make_send_once;
    request.size = sizeof(request);
    mach::MessageHeader got {};
    uint64_t per_round_trip = kern::instructions_per_operation(10000, [&] {
        ipc::DirectRoute call = ipc::plan_direct(*client, &request, sizeof(request));
        (void)ipc::transfer_direct(*client, call, &request, sizeof(request), *server, service, &got);
        mach::MessageHeader answer {};
        answer.destination = got.reply;
        answer.destination_disposition = mach::Disposition::move_send_once;
        answer.size = sizeof(answer);
        ipc::DirectRoute back = ipc::plan_direct(*server, &answer, sizeof(answer));
        (void)ipc::transfer_direct(*server, back, &answer, sizeof(answer), *client, reply, &got);
    });
    kern::bench_report("ipc_core_direct_rpc", per_round_trip, "insn/op");
    ipc::NameSpace::destroy(client);
    ipc::NameSpace::destroy(server);
}
