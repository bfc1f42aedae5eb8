#include <rpc/server.h>
#include <runtime/mach.h>

namespace rpc {
namespace {

struct ErrorReply {
    mach::MessageHeader header;
    Status status;
};

mach::PortName own_task()
{
    mach::SelfPorts self {};
    (void)mach::self_ports(&self);
    return self.task;
}

// Whether a reply whose send failed with `status` is still the sender's
// (the kernel checks a message whole before it takes any right of it), or
// was taken and dropped (its destination died meanwhile). port_dead is
// either; a reply right that is a dead name now was refused.
bool left_with_sender(mach::PortName task, mach::PortName to, Error status)
{
    switch (status) {
    case Error::invalid_argument:
    case Error::invalid_disposition:
    case Error::invalid_right:
    case Error::invalid_name:
    case Error::too_large:
    case Error::not_supported: return true;
    case Error::port_dead: {
        mach::RightType type {};
        uint32_t references = 0;
        return mach::port_type(task, to, &type, &references) == Error::none
            && mach::has_right(type, mach::RightType::dead_name);
    }
    default: return false;
    }
}

// Releases the rights an unsent message would have moved (it copies or
// makes the others: those stay the sender's anyway).
void release_moved(mach::PortName task, mach::MessageHeader& message)
{
    mach::Descriptor* descriptors = descriptors_of(message);
    for (uint16_t i = 0; i < message.descriptor_count; i++) {
        if (descriptors[i].type != mach::DescriptorType::port)
            continue;
        const mach::PortDescriptor& port = descriptors[i].port;
        if (port.disposition == mach::Disposition::move_receive)
            (void)mach::port_destroy(task, port.name);
        else if (port.disposition == mach::Disposition::move_send
            || port.disposition == mach::Disposition::move_send_once)
            (void)mach::port_deallocate(task, port.name);
    }
    message.descriptor_count = 0;
}

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
    Error status = mach::msg(&message, mach::kSend, size, 0, mach::kNullName);
    if (status != Error::none)
        recover_unsent_reply(message, status);
}

void recover_unsent_reply(mach::MessageHeader& message, Error status)
{
    mach::PortName task = own_task();
    mach::PortName to = message.destination;
    mach::Disposition disposition = message.destination_disposition;
    if (!left_with_sender(task, to, status))
        return;
    release_moved(task, message);
    ErrorReply error {};
    error.header = reply_header(to, disposition, message.id, sizeof(ErrorReply), 0);
    error.status.error = int32_t(status);
    if (mach::msg(&error.header, mach::kSend, sizeof(error), 0, mach::kNullName) != Error::none)
        (void)mach::port_deallocate(task, to);
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
