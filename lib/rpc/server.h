// Typed RPC, the server's side: an Interface<Ops...> dispatches a received
// message to the handler's serve() for its operation and builds the reply.
//
// A handler has, for each operation Op it serves,
//   Error serve(Op, const Incoming<Op>& request, Outgoing<Op>& reply);
// It owns the rights that came with the request (they are in its space
// now). On success the reply's body and rights go back (the rights by their
// dispositions); on an error only the status does, and the handler must
// not have put rights it owns into the reply.
#pragma once

#include <mach/error.h>
#include <mach/message.h>
#include <rpc/rights.h>
#include <rpc/wire.h>

#include <new>

namespace rpc {

template <typename Op> struct Incoming {
    const typename Op::Request& body;
    Rights<Op::kRequestRights> rights;
    uint64_t payload; // of the send right the request came through (0: a plain one)
    mach::PortName port; // the port it arrived on
    mach::MessageHeader* message; // the request as it arrived (for defer)
};

template <typename Op> struct Outgoing {
    typename Op::Reply& body; // zeroed to begin with
    Rights<Op::kReplyRights> rights;
};

// Where a server builds the reply to one request.
struct ReplyBuffer {
    alignas(16) uint8_t bytes[mach::kMaxMessageSize];
    uint32_t size = 0; // of the reply to send; 0: none (a one-way request)

    mach::MessageHeader& header() { return *reinterpret_cast<mach::MessageHeader*>(bytes); }
};

// Answers `request` with `status` alone (if it came with a reply right)
// and releases everything else it carried: for a request that is refused.
void refuse(mach::MessageHeader& request, Error status, ReplyBuffer& reply);

// A request answered later (a read of an empty pipe, a wait for a child):
// its reply right, kept by the server. Moved, not copied; answer() sends
// the reply, and a Deferred dropped unanswered releases the right, so the
// caller learns (send-once notification: port_dead) rather than waiting forever.
template <typename Op> class Deferred {
public:
    Deferred() = default;
    Deferred(const Deferred&) = delete;
    Deferred& operator=(const Deferred&) = delete;
    Deferred(Deferred&& other)
        : m_right(other.m_right)
        , m_disposition(other.m_disposition)
    {
        other.m_right = mach::kNullName;
    }
    Deferred& operator=(Deferred&& other)
    {
        if (this != &other) {
            drop();
            m_right = other.m_right;
            m_disposition = other.m_disposition;
            other.m_right = mach::kNullName;
        }
        return *this;
    }
    ~Deferred() { drop(); }

    // Takes the reply right of `request` (in a handler, which then returns
    // none: nothing is sent now). A one-way request gives an empty Deferred.
    static Deferred take(const Incoming<Op>& request)
    {
        Deferred deferred;
        deferred.m_right = request.message->reply;
        deferred.m_disposition = request.message->reply_disposition;
        request.message->reply = mach::kNullName;
        return deferred;
    }

    bool pending() const { return m_right != mach::kNullName; }
    // The reply right (to watch for its death: a caller that went away).
    mach::PortName right() const { return m_right; }

    // Sends the answer: `body` and `rights` on success, the status alone on an error.
    void answer(Error status, const typename Op::Reply& body = {}, const Rights<Op::kReplyRights>& rights = {});
    // Gives the right up unanswered.
    void drop();
    // Forgets a right that died and whose dead name was dropped already
    // (by the ports library, after a dead-name notification): nothing to release.
    void forget() { m_right = mach::kNullName; }

private:
    mach::PortName m_right = mach::kNullName;
    mach::Disposition m_disposition = mach::Disposition::none;
};

namespace detail {

// Sends the `size` bytes of `message` (a reply) without waiting; a caller
// that went away loses it. A reply the kernel refuses (see
// recover_unsent_reply) still ends the call: the caller gets an error.
void send_reply(mach::MessageHeader& message, uint32_t size);

// After sending the reply `message` failed with `status`: if the kernel
// refused it before taking anything (a right it names is wrong), the
// rights it moves are released and the caller gets `status` alone instead
// (or, if that cannot go either, its reply right is released: it sees
// port_dead). A reply the kernel took and lost (its caller is gone) needs
// nothing. Either way nobody waits for an answer that never comes.
void recover_unsent_reply(mach::MessageHeader& message, Error status);

// The header of a reply sent through `right` (which arrived as `arrived`).
mach::MessageHeader reply_header(
    mach::PortName right, mach::Disposition arrived, uint32_t id, uint32_t size, uint16_t rights);

// Addresses the reply to the request's reply right.
void address_reply(const mach::MessageHeader& request, uint32_t id, uint32_t size, uint16_t rights, ReplyBuffer& reply);

template <typename Message> uint32_t offset_of_body(const Message& message)
{
    return uint32_t(reinterpret_cast<const uint8_t*>(&message.body) - reinterpret_cast<const uint8_t*>(&message));
}

template <typename Op, typename Handler> void serve(Handler& handler, mach::MessageHeader& request, ReplyBuffer& reply)
{
    static_assert(
        sizeof(RequestMessage<Op>) <= mach::kMaxMessageSize && sizeof(ReplyMessage<Op>) <= mach::kMaxMessageSize,
        "an RPC message must fit in one message");
    auto& in = reinterpret_cast<RequestMessage<Op>&>(request);
    uint32_t offset = offset_of_body(in);
    Rights<Op::kRequestRights> rights;
    // The request buffer holds a whole message of the biggest size: a short
    // body is checked (body_arrived_whole) before anything reads past it.
    if (request.size < offset || !take_rights(request, rights.at, Op::kRequestRights)
        || !body_arrived_whole(in.body, request.size - offset)) {
        refuse(request, Error::invalid_argument, reply);
        return;
    }
    auto& out = *new (reply.bytes) ReplyMessage<Op>();
    Outgoing<Op> answer { out.body, {} };
    Error status = handler.serve(
        Op {}, Incoming<Op> { in.body, rights, request.payload, request.destination, &request }, answer);
    request.descriptor_count = 0; // the handler owns what came
    if (status != Error::none) {
        refuse(request, status, reply);
        return;
    }
    uint32_t size = offset_of_body(out) + body_size(out.body);
    address_reply(request, Op::kId | kReplyBit, size, Op::kReplyRights, reply);
    if (reply.size) {
        put_rights(descriptors_of(out.header), answer.rights.at, Op::kReplyRights);
        out.status = {};
    }
}

template <typename Op, typename Handler>
bool serve_if(Handler& handler, mach::MessageHeader& request, ReplyBuffer& reply)
{
    if (request.id != Op::kId)
        return false;
    serve<Op>(handler, request, reply);
    return true;
}

} // namespace detail

template <typename Op>
void Deferred<Op>::answer(Error status, const typename Op::Reply& body, const Rights<Op::kReplyRights>& rights)
{
    if (!pending())
        return;
    ReplyMessage<Op> out {}; // on the stack: a server thread's stack holds a message
    uint32_t size = sizeof(mach::MessageHeader) + sizeof(Status); // an error: the status alone
    uint16_t carried = 0;
    if (status == Error::none) {
        out.body = body;
        size = detail::offset_of_body(out) + body_size(out.body);
        carried = Op::kReplyRights;
        put_rights(descriptors_of(out.header), rights.at, Op::kReplyRights);
    } else {
        reinterpret_cast<Status*>(&out.header + 1)->error = int32_t(status);
    }
    out.header = detail::reply_header(m_right, m_disposition, Op::kId | kReplyBit, size, carried);
    m_right = mach::kNullName;
    detail::send_reply(out.header, size);
}

template <typename Op> void Deferred<Op>::drop()
{
    if (pending())
        release(Right { m_right, m_disposition });
    m_right = mach::kNullName;
}

template <typename... Ops> struct Interface {
    static bool handles(uint32_t id) { return ((id == Ops::kId) || ...); }

    // Serves `request` if its id is one of Ops, building the answer in
    // `reply`; false (nothing done) if it is not.
    template <typename Handler> static bool dispatch(Handler& handler, mach::MessageHeader& request, ReplyBuffer& reply)
    {
        return (detail::serve_if<Ops>(handler, request, reply) || ...);
    }
};

} // namespace rpc
