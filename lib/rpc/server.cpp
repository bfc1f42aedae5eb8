#include <rpc/server.h>
#include <runtime/mach.h>

namespace rpc {
namespace {

struct ErrorReply {
    mach::MessageHeader header;
    Status status;
};

} // namespace

namespace detail {

mach::MessageHeader reply_header(
    mach::PortName right, mach::Disposition arrived, uint32_t id, uint32_t size, uint16_t rights)
{
    mach::MessageHeader header {};
    header.destination = right;
    header.destination_disposition = arrived; // the right that came: move it back
    header.id = id;
    header.size = size;
    header.descriptor_count = rights;
    return header;
}

void address_reply(const mach::MessageHeader& request, uint32_t id, uint32_t size, uint16_t rights, ReplyBuffer& reply)
{
    if (request.reply == mach::kNullName) {
        reply.size = 0; // a one-way request, or one whose answer was deferred
        return;
    }
    reply.header() = reply_header(request.reply, request.reply_disposition, id, size, rights);
    reply.size = size;
}

void send_reply(mach::MessageHeader& message, uint32_t size)
{
    // A reply goes through a send-once right, which a queue always accepts:
    // this never waits. A caller that went away loses it (and the rights
    // in it are destroyed by the kernel).
    (void)mach::msg(&message, mach::kSend, size, 0, mach::kNullName);
}

} // namespace detail

void refuse(mach::MessageHeader& request, Error status, ReplyBuffer& reply)
{
    mach::PortName reply_to = request.reply;
    mach::Disposition arrived = request.reply_disposition;
    request.reply = mach::kNullName; // kept for the answer
    release_carried(request);
    request.reply = reply_to;
    request.reply_disposition = arrived;
    auto& out = *new (reply.bytes) ErrorReply();
    detail::address_reply(request, request.id | kReplyBit, sizeof(ErrorReply), 0, reply);
    out.status.error = int32_t(status);
}

} // namespace rpc
