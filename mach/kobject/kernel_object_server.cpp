#include <debug/log.h>
#include <ipc/message.h>
#include <kobject/kernel_object_server.h>

namespace kern {
namespace {

Error dispatch(ipc::Port& port, KernelRequest& request)
{
    void* object = port.kernel_object();
    switch (port.kernel_object_type()) {
    case ipc::KernelObject::task: return serve_task(object, request);
    case ipc::KernelObject::thread: return serve_thread(object, request);
    case ipc::KernelObject::host: return serve_host(request);
    case ipc::KernelObject::device: return serve_device(request);
    case ipc::KernelObject::memory_object: return serve_memory_object(port, request);
    case ipc::KernelObject::interrupt_line: return serve_interrupt_line(port, request);
    default: return Error::not_supported;
    }
}

uint32_t round_up_8(size_t size) { return uint32_t((size + 7) & ~size_t(7)); }

// The answer to `request`, sent through `reply_right` (consumed), with
// `right` (consumed) in a port descriptor if there is one. A reply that
// cannot be allocated is dropped: the caller's send-once right tells it so.
void send_reply(ipc::CarriedRight reply_right, uint32_t id, Error status, const uint8_t* result, size_t result_size,
    ipc::CarriedRight right)
{
    uint16_t descriptors = right.empty() ? 0 : 1;
    uint32_t size = sizeof(mach::MessageHeader) + descriptors * sizeof(mach::Descriptor)
        + round_up_8(sizeof(mach::KernelReply) + result_size);
    Result<ipc::Message*> created = ipc::Message::create(size);
    if (!created.ok()) {
        right.release();
        reply_right.release();
        return;
    }
    ipc::Message* reply = created.value();
    reply->header().id = id | mach::kReplyBit;
    reply->header().descriptor_count = descriptors;
    if (descriptors)
        reply->set_port_right(0, right);
    mach::KernelReply head { static_cast<int32_t>(status), 0 };
    __builtin_memcpy(reply->body(), &head, sizeof(head));
    if (result_size)
        __builtin_memcpy(reply->body() + sizeof(head), result, result_size);
    reply->destination() = reply_right;
    if (!ipc::send(reply).ok())
        ipc::Message::destroy(reply);
}

} // namespace

void serve_kernel_message(ipc::Port& port, ipc::Message* message)
{
    KernelRequest request(*message);
    Error status = dispatch(port, request);
    ipc::CarriedRight reply_right = message->reply();
    message->reply() = {};
    bool ok = status == Error::none;
    if (!ok)
        request.m_right.release();
    if (reply_right.empty())
        request.m_right.release();
    else
        send_reply(
            reply_right, request.id(), status, request.m_result, ok ? request.m_result_size : 0, request.m_right);
    // The right the message came through was used: delivered, not
    // destroyed unused. (Released, a send-once one would send its
    // send-once notification to this same port, and so on without end: a
    // running task's port losing its last sender did that.)
    message->destination().consume();
    ipc::Message::destroy(message);
}

} // namespace kern
