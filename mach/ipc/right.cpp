#include <ipc/notification.h>
#include <ipc/payload_record.h>
#include <ipc/port.h>
#include <ipc/right.h>

namespace ipc {

CarriedRight CarriedRight::send(PayloadRecord& record) { return { Kind::send, &record.port(), &record }; }

uint64_t CarriedRight::payload() const { return record ? record->payload() : 0; }

bool CarriedRight::port_dead() const { return port && port->dead(); }

CarriedRight CarriedRight::copy() const
{
    if (kind == Kind::send) {
        if (record)
            record->copy_send_right();
        else
            port->copy_send_right();
    }
    return *this;
}

void CarriedRight::release()
{
    if (kind == Kind::send_once && !port->dead()) {
        // Destroyed unused: the port learns that no reply will come.
        send_notification(*this, mach::NotificationKind::send_once, mach::kNullName, 0);
        *this = {};
        return;
    }
    consume();
}

void CarriedRight::consume()
{
    CarriedRight right = *this;
    *this = {};
    switch (right.kind) {
    case Kind::send:
        if (right.record)
            right.record->release_send_right();
        else
            right.port->release_send_right();
        break;
    case Kind::send_once: right.port->release_send_once_right(); break;
    case Kind::receive: right.port->destroy_receive_right(); break;
    case Kind::none:
    case Kind::dead_name: break;
    }
}

} // namespace ipc
