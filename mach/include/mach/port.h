// Port names and rights as user space sees them (part of the ABI).
//
// A task names the rights it holds with small integers, valid only inside
// that task. A name denotes one right, or a receive right together with the
// plain send rights for the same port (Mach's coalescing): receiving a send
// right you already hold gives back the same name with one more user
// reference. Send rights minted with a payload are rights of their own:
// each (port, payload) pair has its own name.
#pragma once

#include <stdint.h>

namespace mach {

using PortName = uint32_t;

// No right at all (a message field left empty).
constexpr PortName kNullName = 0;
// Stands for a right that died in transit (a send right whose port was
// destroyed while the message was queued).
constexpr PortName kDeadName = 0xffffffffu;

// The kinds of right a name can hold, as a bit set (a name may hold
// receive | send for the same port).
enum class RightType : uint32_t {
    none = 0,
    send = 1u << 0,
    receive = 1u << 1,
    send_once = 1u << 2,
    port_set = 1u << 3,
    dead_name = 1u << 4,
};

constexpr RightType operator|(RightType a, RightType b)
{
    return static_cast<RightType>(static_cast<uint32_t>(a) | static_cast<uint32_t>(b));
}
constexpr RightType operator&(RightType a, RightType b)
{
    return static_cast<RightType>(static_cast<uint32_t>(a) & static_cast<uint32_t>(b));
}
constexpr bool has_right(RightType set, RightType one) { return (set & one) == one && one != RightType::none; }

// The notifications a task can ask for (port_request_notification). Each
// arrives as a message from the kernel whose id is the kind below.
enum class NotificationKind : uint32_t {
    // The port behind a send or send-once right died: the name is a dead name now.
    dead_name = 0x100,
    // No send rights (plain or with any payload) to the port exist any more.
    no_senders = 0x101,
    // The last send right minted with one payload died (the body names the payload).
    payload_no_senders = 0x102,
    // A send-once right was destroyed without being used (the body names its payload).
    send_once = 0x103,
    // A name with a dead-name request was deallocated before the port died.
    port_deleted = 0x104,
};

// Body of every notification message (after the header; no descriptors).
struct NotificationBody {
    PortName name; // the name the request was made for (dead_name, port_deleted), else kNullName
    uint32_t flags; // kReplyLost or 0
    uint64_t payload; // payload_no_senders and send_once: the payload concerned
};

// A send_once notification's flag: the kernel dropped a reply to this
// port because its receiver's account could not pay for it (the server did
// answer); without it, the send-once right was destroyed unused.
constexpr uint32_t kReplyLost = 1;

// Queue limits: a new port queues up to kDefaultQueueLimit messages;
// port_set_queue_limit may set anything from 1 to kMaxQueueLimit.
constexpr uint32_t kDefaultQueueLimit = 16;
constexpr uint32_t kMaxQueueLimit = 1024;

} // namespace mach
