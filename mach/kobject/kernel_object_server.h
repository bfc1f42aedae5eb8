// Serving messages sent to kernel ports (mach/kernel_objects.h): the
// request is decoded, the operation runs at once in the sender's system
// call, and the answer goes back through the request's reply right.
#pragma once

#include <freestanding/result.h>
#include <ipc/message.h>
#include <ipc/port.h>
#include <mach/kernel_objects.h>
#include <stddef.h>
#include <stdint.h>

namespace kern {

// One operation's input and output.
class KernelRequest {
public:
    explicit KernelRequest(ipc::Message& message)
        : m_message(message)
    {
    }

    uint32_t id() const { return m_message.header().id; }

    // The request body (after any descriptors) as a T: invalid_argument if it is shorter.
    template <typename T> Result<T> body() const
    {
        if (m_message.body_size() < sizeof(T))
            return Error::invalid_argument;
        T value;
        __builtin_memcpy(&value, m_message.body(), sizeof(T));
        return value;
    }

    // The right in the request's first port descriptor, taken out (empty if none).
    ipc::CarriedRight take_port_argument()
    {
        if (m_message.descriptor_count() == 0 || m_message.descriptors()[0].type != mach::DescriptorType::port)
            return {};
        return m_message.take_port_right(0);
    }

    // The operation's result (copied; at most kMaxResult bytes).
    template <typename T> void set_result(const T& result)
    {
        static_assert(sizeof(T) <= kMaxResult);
        __builtin_memcpy(m_result, &result, sizeof(T));
        m_result_size = sizeof(T);
    }

    // A right that goes back to the caller with the result (owned from now on).
    void set_result_right(ipc::CarriedRight right) { m_right = right; }

    static constexpr size_t kMaxResult = 256;

private:
    friend void serve_kernel_message(ipc::Port& port, ipc::Message* message);
    ipc::Message& m_message;
    uint8_t m_result[kMaxResult];
    size_t m_result_size = 0;
    ipc::CarriedRight m_right;
};

// The servers of each kind of kernel port.
Error serve_task(void* task, KernelRequest& request);
Error serve_thread(void* thread, KernelRequest& request);
Error serve_host(KernelRequest& request);
Error serve_device(KernelRequest& request);
Error serve_memory_object(ipc::Port& port, KernelRequest& request);
Error serve_interrupt_line(ipc::Port& port, KernelRequest& request);
// device_interrupt (interrupt_port.cpp).
Error claim_interrupt(KernelRequest& request);

// Called by the kernel's IPC observer with a message for `port`; owns it.
void serve_kernel_message(ipc::Port& port, ipc::Message* message);

} // namespace kern
