#include <ipc/memory.h>
#include <ipc/message.h>
#include <ipc/notification.h>
#include <ipc/port.h>

namespace ipc {

void send_notification(CarriedRight notify, mach::NotificationKind kind, mach::PortName name, uint64_t payload)
{
    if (notify.empty())
        return;
    if (notify.port_dead()) {
        notify.consume();
        return;
    }
    constexpr uint32_t kSize = sizeof(mach::MessageHeader) + sizeof(mach::NotificationBody);
    Result<Message*> created = Message::create(kSize);
    if (!created.ok()) {
        memory::counters().notifications_lost++;
        notify.consume();
        return;
    }
    Message* message = created.value();
    message->header().id = static_cast<uint32_t>(kind);
    mach::NotificationBody body { name, 0, payload };
    __builtin_memcpy(message->body(), &body, sizeof(body));
    message->destination() = notify;
    message->set_always_accepted();
    if (!send(message).ok())
        Message::destroy(message);
}

} // namespace ipc
