// Moving messages between name spaces: copy-in on send, copy-out on receive.
//
// Copy-in validates the whole message before it takes anything: sizes,
// descriptor kinds, every name and disposition (and repeated uses of one
// name), and receive rights that would end up queued on themselves. Only
// then does it capture out-of-line memory (undone if that fails) and take
// the rights — which cannot fail. So a refused message leaves the sender's
// space exactly as it was.
#pragma once

#include <freestanding/result.h>
#include <ipc/name_space.h>
#include <mach/message.h>
#include <stdint.h>

namespace ipc {
class Port;
}

namespace ipc {

class Message;

// A kernel message from `bytes` (`size` bytes of the sender's message,
// already copied into kernel memory) with rights taken from `sender`.
// Errors: invalid_argument (malformed), too_large, invalid_name,
// invalid_right, invalid_disposition, port_dead (the destination died),
// no_memory; out-of-line capture errors (bad_address).
Result<Message*> copyin_message(NameSpace& sender, const void* bytes, uint32_t size);

// The first message receivable from `source` if it fits `buffer_size`
// bytes: null if none is queued; too_large (the message stays queued) if
// it does not fit; port_dead if the port or set is gone.
Result<Message*> take_message(ReceiveSource source, uint32_t buffer_size);

// Writes `message` into `buffer` (message->size() bytes) as `receiver`
// sees it — new names for its rights, its out-of-line regions mapped —
// and frees it. no_space: the receiver's space was full, the rights were
// destroyed (names read kNullName) and the rest delivered.
Result<void> copyout_message(NameSpace& receiver, Message* message, void* buffer);

// ---- the direct path (RPC) ----
// A simple message — no descriptors, at most kMaxDirectSize bytes, sent
// through a send right (copy_send) or a send-once right (move_send_once),
// with a make_send_once reply right or none — to a port whose queue is
// empty while a receiver waits on it can go straight from the sender's
// bytes into the receiver's buffer: no kernel message, no queue, one copy.
// The receiver sees exactly what copy-in, send, take and copy-out give.
constexpr uint32_t kMaxDirectSize = 256;

// Where a direct message goes, found by plan_direct (nothing taken yet).
struct DirectRoute {
    Port* destination = nullptr; // null: the message must take the general path
    uint64_t payload = 0; // of the sender's send right
    Port* reply = nullptr; // a make_send_once reply right is made from this port (null: no reply)
};

// Whether the message may go the direct way (then its route), changing
// nothing. Anything else, including every message copy-in would refuse,
// gets an empty route: the general path then reports the error.
DirectRoute plan_direct(NameSpace& sender, const void* bytes, uint32_t size);

// Delivers a message plan_direct routed (with no IPC operation in between)
// into `out` (at least `size` bytes) as `receiver` sees it. The receiver's
// name for the destination's receive right is `destination_name` if the
// caller knows it (else kNullName: it is looked up). no_space, changing
// nothing, if the receiver has no room for the reply right: then use the
// general path.
Result<void> transfer_direct(NameSpace& sender, const DirectRoute& route, const void* bytes, uint32_t size,
    NameSpace& receiver, mach::PortName destination_name, void* out);

} // namespace ipc
