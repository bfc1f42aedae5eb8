#include <runtime/kernel_call.h>
#include <runtime/thread.h>

namespace mach {
namespace {

constexpr size_t kMaxBody = 256;

struct CallMessage {
    MessageHeader header;
    uint8_t body[sizeof(Descriptor) + sizeof(KernelReply) + kMaxBody];
};

} // namespace

Error kernel_call(PortName object, KernelCall call, const void* body, size_t body_size, void* result,
    size_t result_size, PortName* right)
{
    return kernel_call_giving(object, call, kNullName, Disposition::none, body, body_size, result, result_size, right);
}

Error kernel_call_giving(PortName object, KernelCall call, PortName give, Disposition disposition, const void* body,
    size_t body_size, void* result, size_t result_size, PortName* right)
{
    if (body_size > kMaxBody || body_size % 8 || result_size > kMaxBody)
        return Error::invalid_argument;
    SelfPorts self {};
    Error status = self_ports(&self);
    if (status != Error::none)
        return status;
    PortName reply = kNullName;
    status = port_allocate(self.task, RightType::receive, &reply);
    if (status != Error::none)
        return status;
    CallMessage message {};
    message.header.destination = object;
    message.header.destination_disposition = Disposition::copy_send;
    message.header.reply = reply;
    message.header.reply_disposition = Disposition::make_send_once;
    message.header.id = static_cast<uint32_t>(call);
    size_t offset = 0;
    if (give != kNullName) {
        Descriptor descriptor {};
        descriptor.port = { DescriptorType::port, disposition, 0, give, 0 };
        __builtin_memcpy(message.body, &descriptor, sizeof(descriptor));
        message.header.descriptor_count = 1;
        offset = sizeof(descriptor);
    }
    message.header.size = uint32_t(sizeof(MessageHeader) + offset + body_size);
    if (body_size)
        __builtin_memcpy(message.body + offset, body, body_size);
    // An object named by a client may be no kernel object at all: a call
    // timeout (runtime::CallTimeout) bounds the wait for its answer.
    uint64_t timeout_ns = runtime::call_timeout();
    uint32_t options = kSend | kReceive | (timeout_ns != kWaitForever ? kSendTimeout | kReceiveTimeout : 0);
    status = msg(&message.header, options, message.header.size, sizeof(message), reply, timeout_ns);
    if (status == Error::none) {
        const uint8_t* reply_body = message.body;
        if (message.header.descriptor_count == 1) {
            Descriptor port;
            __builtin_memcpy(&port, message.body, sizeof(port));
            if (right)
                *right = port.port.name;
            else if (port.port.name != kNullName)
                (void)port_deallocate(self.task, port.port.name);
            reply_body += sizeof(Descriptor);
        }
        KernelReply answer;
        __builtin_memcpy(&answer, reply_body, sizeof(answer));
        status = static_cast<Error>(answer.status);
        if (message.header.id != (static_cast<uint32_t>(call) | kReplyBit))
            status = Error::invalid_argument;
        else if (status == Error::none && result_size)
            __builtin_memcpy(result, reply_body + sizeof(answer), result_size);
    }
    (void)port_destroy(self.task, reply);
    (void)port_deallocate(self.task, self.task);
    (void)port_deallocate(self.task, self.thread);
    (void)port_deallocate(self.task, self.host);
    return status;
}

} // namespace mach
