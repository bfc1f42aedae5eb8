#include <rpc/server.h>

namespace rpc {
namespace {

struct ErrorReply {
    mach::MessageHeader header;
    Status status;
};

} // namespace

namespace detail {

void address_reply(const mach::MessageHeader& request, uint32_t id, uint32_t size, uint16_t rights, ReplyBuffer& reply)
{
    if (request.reply == mach::kNullName) {
        reply.size = 0; // a one-way request
        return;
    }
    mach::MessageHeader& header = reply.header();
    header = {};
    header.destination = request.reply;
    header.destination_disposition = request.reply_disposition; // the right that came: move it back
    header.id = id;
    header.size = size;
    header.descriptor_count = rights;
    reply.size = size;
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
