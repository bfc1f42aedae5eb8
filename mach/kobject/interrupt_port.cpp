// Interrupts as messages: a claimed line sends an InterruptNotification to
// the driver's port each time it fires, and stays masked until the driver
// sends interrupt_acknowledge to the line's own port. The message for the
// next interrupt is allocated ahead, in thread context, so the interrupt
// handler only links it into a queue.
#include <debug/log.h>
#include <ipc/message.h>
#include <ipc/port.h>
#include <kern/interrupt_lines.h>
#include <kobject/kernel_object_server.h>
#include <kobject/kernel_ports.h>
#include <vm/heap.h>

#include <new>

namespace kern {
namespace {

constexpr uint32_t kNotificationSize = sizeof(mach::MessageHeader) + sizeof(mach::InterruptNotification);

struct InterruptClaim {
    uint32_t line;
    ipc::CarriedRight notify; // a send right to the driver's port
    ipc::Message* ready = nullptr; // the next notification
    ipc::Port* port = nullptr; // stands for the claim
    uint64_t delivered = 0;
};

// In interrupt context (interrupts off, so no IPC operation is half done).
void deliver(void* context, uint32_t line)
{
    auto& claim = *static_cast<InterruptClaim*>(context);
    claim.delivered++;
    ipc::Message* message = claim.ready;
    if (!message)
        return; // cannot happen while the line is masked until the next message exists
    claim.ready = nullptr;
    message->header().id = mach::kInterruptNotification;
    mach::InterruptNotification body { line, 0, claim.delivered };
    __builtin_memcpy(message->body(), &body, sizeof(body));
    message->destination() = claim.notify.copy();
    message->set_always_accepted();
    if (!ipc::send(message).ok()) {
        // The driver's port is gone: keep the message, the line stays masked.
        message->destination().consume();
        message->destination() = {};
        claim.ready = message;
    }
}

Result<void> prepare_next(InterruptClaim& claim)
{
    if (!claim.ready)
        claim.ready = TRY(ipc::Message::create(kNotificationSize));
    return {};
}

void free_claim(InterruptClaim* claim)
{
    release_interrupt_line(claim->line);
    claim->notify.release();
    if (claim->ready)
        ipc::Message::destroy(claim->ready);
    destroy_kernel_port(claim->port);
    claim->~InterruptClaim();
    heap_free(claim);
}

Result<uint32_t> line_of(const mach::DeviceInterruptRequest& request)
{
    if (request.isa)
        return line_of_isa_irq(request.line);
    return request.line;
}

} // namespace

Error claim_interrupt(KernelRequest& request)
{
    ipc::CarriedRight notify = request.take_port_argument();
    Result<mach::DeviceInterruptRequest> body = request.body<mach::DeviceInterruptRequest>();
    Result<uint32_t> line = body.ok() ? line_of(body.value()) : Result<uint32_t>(body.error());
    Error status = notify.kind == ipc::CarriedRight::Kind::send ? Error::none : Error::invalid_right;
    if (!line.ok())
        status = line.error();
    Result<void*> memory = heap_allocate(sizeof(InterruptClaim));
    if (status != Error::none || !memory.ok()) {
        notify.release();
        if (memory.ok())
            heap_free(memory.value());
        return status != Error::none ? status : memory.error();
    }
    auto* claim = new (memory.value()) InterruptClaim { line.value(), notify };
    Result<ipc::Port*> port = create_kernel_port(ipc::KernelObject::interrupt_line, claim);
    Result<void> ready = prepare_next(*claim);
    Result<void> claimed = port.ok() && ready.ok() ? claim_interrupt_line(claim->line, deliver, claim)
                                                   : Result<void>(port.ok() ? ready.error() : port.error());
    if (port.ok())
        claim->port = port.value();
    if (!claimed.ok()) {
        claim->line = kMaxInterruptLines; // nothing of the line to release
        free_claim(claim);
        return claimed.error();
    }
    notify_when_unreferenced(*claim->port);
    claim->port->make_send_right();
    request.set_result_right(ipc::CarriedRight::send(*claim->port));
    log("device", "interrupt line %u claimed", claim->line);
    return Error::none;
}

Error serve_interrupt_line(ipc::Port& port, KernelRequest& request)
{
    auto& claim = *static_cast<InterruptClaim*>(port.kernel_object());
    if (request.id() == uint32_t(mach::NotificationKind::no_senders)) {
        free_claim(&claim); // the driver is gone
        return Error::none;
    }
    if (static_cast<mach::KernelCall>(request.id()) != mach::KernelCall::interrupt_acknowledge)
        return Error::not_supported;
    if (Result<void> ready = prepare_next(claim); !ready.ok())
        return ready.error(); // the line stays masked: the driver may try again
    acknowledge_interrupt_line(claim.line);
    return Error::none;
}

} // namespace kern
