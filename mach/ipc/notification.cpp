#include <ipc/memory.h>
#include <ipc/message.h>
#include <ipc/notification.h>
#include <ipc/port.h>

namespace ipc {
namespace {

// Sends a notification through `notify` (consumed); `mark` sees the
// message just before it is sent. One that cannot be allocated is counted
// as lost.
template <typename Mark>
void notify_through(CarriedRight notify, mach::NotificationKind kind, mach::PortName name, uint64_t payload, Mark mark)
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
    message->set_notification();
    mark(*message);
    if (!send(message).ok())
        Message::destroy(message);
}

} // namespace

void send_notification(CarriedRight notify, mach::NotificationKind kind, mach::PortName name, uint64_t payload)
{
    notify_through(notify, kind, name, payload, [](Message&) {});
}

void send_reply_lost_notice(CarriedRight reply)
{
    Port* port = reply.port;
    notify_through(reply, mach::NotificationKind::send_once, mach::kNullName, 0, [port](Message& message) {
        reinterpret_cast<mach::NotificationBody*>(message.body())->flags = mach::kReplyLost;
        message.set_reply_lost_notice();
        port->set_reply_lost_notice_queued(true);
    });
}

} // namespace ipc
