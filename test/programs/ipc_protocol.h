// The little protocol of the IPC test programs (ipcserver, ipcclient): a
// request carries one 64-bit value; a reply carries one value and maybe a
// right. Helpers that build, send and receive such messages.
#pragma once

#include <runtime/kernel_call.h>
#include <runtime/mach.h>
#include <runtime/print.h>

namespace ipc_test {

using mach::Disposition;
using mach::PortName;

enum Request : uint32_t {
    kPing = 1, // reply: value + 1
    kGetPort = 2, // value: member index 1 or 2; reply: a send right to that member
    kOpen = 3, // reply: a send right to the service carrying payload `value`
    kWhoAmI = 4, // reply: value = payload << 8 | member index it arrived on
    kDieNow = 5, // the server exits without replying
    kQuit = 9, // the server replies, then exits
};

constexpr uint32_t kReplyOffset = 100;

struct Message {
    mach::MessageHeader header;
    mach::Descriptor port; // used when descriptor_count is 1
    uint64_t value;
    uint64_t pad;
};

constexpr uint32_t kPlainSize = sizeof(mach::MessageHeader) + 16;
constexpr uint32_t kWithPortSize = sizeof(Message);

// The value sits right after the descriptors (there are 0 or 1).
inline uint64_t* value_slot(Message& message)
{
    return reinterpret_cast<uint64_t*>(&message.port + message.header.descriptor_count);
}

inline Message request(PortName destination, uint32_t id, uint64_t value, PortName reply)
{
    Message m {};
    m.header.destination = destination;
    m.header.destination_disposition = Disposition::copy_send;
    m.header.reply = reply;
    m.header.reply_disposition = reply ? Disposition::make_send_once : Disposition::none;
    m.header.id = id;
    m.header.size = kPlainSize;
    *value_slot(m) = value;
    return m;
}

// One RPC: the request out, the reply into `reply_message`.
inline Error call(PortName destination, uint32_t id, uint64_t value, PortName reply_port, Message& reply_message)
{
    reply_message = request(destination, id, value, reply_port);
    return mach::msg(&reply_message.header, mach::kSend | mach::kReceive, kPlainSize, sizeof(Message), reply_port);
}

inline const char* name_of(Error error) { return error_name(error); }

} // namespace ipc_test
