// Notifications: messages the kernel sends on its own (ids are
// mach::NotificationKind, the body a mach::NotificationBody). They are
// always accepted by the queue, so a server learns of a death even when
// its queue is full. Dead-name requests are kept on the port they watch.
#pragma once

#include <ipc/right.h>
#include <mach/port.h>
#include <stdint.h>

namespace ipc {

class NameSpace;

// A request for a dead_name (or port_deleted) notification on `name` in `space`.
struct DeadNameRequest {
    static constexpr const char* kCacheName = "ipc.request";

    NameSpace* space;
    mach::PortName name;
    CarriedRight notify; // send-once
    DeadNameRequest* next = nullptr;
};

// Sends a notification of `kind` through `notify` (a send or send-once
// right, consumed): a notification that cannot be allocated is counted as
// lost, never retried (the kernel must not block here).
void send_notification(CarriedRight notify, mach::NotificationKind kind, mach::PortName name, uint64_t payload);

// The send_once notification for a reply dropped because its receiver's
// account was exhausted (see send in message.h), through `reply` (the
// reply's send-once right, consumed), marked so that its port queues one at most.
void send_reply_lost_notice(CarriedRight reply);

} // namespace ipc
