// Typed RPC, the caller's side: rpc::call<Op>(server, request, reply).
#pragma once

#include <freestanding/result.h>
#include <rpc/reply_port.h>
#include <rpc/rights.h>
#include <rpc/wire.h>
#include <runtime/mach.h>
#include <runtime/thread.h>

namespace rpc {

namespace detail {

// Room for an operation's request, then its reply (or the notification that
// comes instead when the server drops the reply right).
template <typename Op> union CallBuffer {
    RequestMessage<Op> request;
    ReplyMessage<Op> reply;
    struct {
        mach::MessageHeader header;
        mach::NotificationBody body;
    } notification;
    CallBuffer() { }
};

// What the reply in `header` says, checked against the call: its status,
// with its rights (count of them) in `got`. The body is the caller's to read.
Error check_reply(mach::MessageHeader& header, uint32_t reply_id, uint32_t body_offset, Right* got, size_t count);

template <typename Message> uint32_t body_offset(const Message& message)
{
    return uint32_t(reinterpret_cast<const uint8_t*>(&message.body) - reinterpret_cast<const uint8_t*>(&message));
}

} // namespace detail

// Calls `Op` on `server` (a send right, maybe one with a payload): sends
// `request` with the rights in `give` and waits for the answer. On success
// `reply` holds it, and `got` the rights it carried (then the caller's;
// without `got` they are released). Returns the IPC error, port_dead if the
// server went away without answering, invalid_reply if its answer does not
// fit the call, or else the server's status. With `timeout_ns`, a server
// that has not answered by then gives timed_out (servers calling servers
// they do not trust, such as translators, use it). Without one, the
// calling thread's runtime::call_timeout() applies (for ever by default).
template <typename Op>
Error call(mach::PortName server, const typename Op::Request& request, typename Op::Reply& reply,
    const Rights<Op::kRequestRights>& give = {}, Rights<Op::kReplyRights>* got = nullptr,
    uint64_t timeout_ns = mach::kWaitForever)
{
    if (timeout_ns == mach::kWaitForever)
        timeout_ns = runtime::call_timeout();
    static_assert(sizeof(detail::CallBuffer<Op>) <= mach::kMaxMessageSize, "an RPC message must fit in one message");
    mach::PortName port = TRY(reply_port());
    detail::CallBuffer<Op> buffer;
    RequestMessage<Op>& out = buffer.request;
    uint32_t offset = detail::body_offset(out);
    uint32_t size = offset + body_size(request);
    out.header = {};
    out.header.destination = server;
    out.header.destination_disposition = mach::Disposition::copy_send;
    out.header.reply = port;
    out.header.reply_disposition = mach::Disposition::make_send_once;
    out.header.id = Op::kId;
    out.header.size = size;
    out.header.descriptor_count = Op::kRequestRights;
    put_rights(descriptors_of(out.header), give.at, Op::kRequestRights);
    __builtin_memcpy(&out.body, &request, size - offset);
    uint32_t options = mach::kSend | mach::kReceive
        | (timeout_ns != mach::kWaitForever ? mach::kSendTimeout | mach::kReceiveTimeout : 0);
    Error status = mach::msg(&out.header, options, size, sizeof(buffer), port, timeout_ns);
    if (status != Error::none) {
        // The reply may still come (to a call given up on), or sit in the
        // port, too big for any answer to this call: never for the next call.
        discard_reply_port();
        return status == Error::too_large ? Error::invalid_reply : status;
    }
    Rights<Op::kReplyRights> rights;
    ReplyMessage<Op>& in = buffer.reply;
    status = detail::check_reply(in.header, Op::kId | kReplyBit, detail::body_offset(in), rights.at, Op::kReplyRights);
    if (status != Error::none)
        return status;
    uint32_t received = in.header.size - detail::body_offset(in);
    __builtin_memcpy(&reply, &in.body, received);
    if (!body_arrived_whole(reply, received)) {
        for (uint32_t i = 0; i < Op::kReplyRights; i++)
            release(rights[i]);
        return Error::invalid_reply;
    }
    for (uint32_t i = 0; i < Op::kReplyRights; i++) {
        if (got)
            (*got)[i] = rights[i];
        else
            release(rights[i]);
    }
    return Error::none;
}

} // namespace rpc
