// CarriedRight: a right the kernel holds on someone's behalf — inside a
// message in flight, in a notification request, or for a moment between
// taking it out of one name space and putting it into another.
//
// Ownership: a CarriedRight owns its right (one send-right count, one
// send-once right, the receive right, or one dead-name reference, which
// holds nothing). Whoever has it must pass it on or release() it exactly
// once; release() clears it.
#pragma once

#include <stdint.h>

namespace ipc {

class Port;
class PayloadRecord;

struct CarriedRight {
    enum class Kind : uint8_t {
        none,
        send, // a send right (plain, or with the payload of `record`)
        send_once,
        receive,
        dead_name, // a right whose port died: arrives as mach::kDeadName
    };

    Kind kind = Kind::none;
    Port* port = nullptr; // send, send_once, receive (for a payload send right: record's port)
    PayloadRecord* record = nullptr; // a send right minted with a payload, else null

    static CarriedRight send(Port& port) { return { Kind::send, &port, nullptr }; }
    static CarriedRight send(PayloadRecord& record);
    static CarriedRight send_once(Port& port) { return { Kind::send_once, &port, nullptr }; }
    static CarriedRight receive(Port& port) { return { Kind::receive, &port, nullptr }; }
    static CarriedRight dead_name() { return { Kind::dead_name, nullptr, nullptr }; }

    bool empty() const { return kind == Kind::none; }
    // The payload a message sent through this right carries (0: plain or send-once).
    uint64_t payload() const;
    // True if the port behind a send or send-once right has died.
    bool port_dead() const;

    // One more send right like this one (for a send right; a dead name needs
    // nothing), owned by the caller.
    CarriedRight copy() const;

    // Gives up the right: a send right is dropped (maybe a no-senders
    // notification), a send-once right destroyed unused sends a send-once
    // notification to its port, a receive right destroys the port.
    void release();
    // The same, but a send-once right vanishes without a notification (it was used).
    void consume();
};

} // namespace ipc
