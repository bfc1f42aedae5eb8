// Messages as user space builds and receives them (part of the ABI).
//
// A message is a header, then `descriptor_count` descriptors (port rights
// and out-of-line memory), then inline data, `size` bytes in all (a
// multiple of 8, at most kMaxInlineSize). mach_msg copies it into the
// kernel on send and out on receipt; rights and out-of-line memory are
// carried, not their numbers.
#pragma once

#include <mach/port.h>
#include <stddef.h>
#include <stdint.h>

namespace mach {

// What happens to a right named in a message when it is sent.
enum class Disposition : uint8_t {
    none = 0, // the field carries no right (its name must be kNullName)
    move_receive = 1, // the receive right leaves the sender
    move_send = 2, // one user reference of a send right leaves the sender
    copy_send = 3, // the sender keeps its send right; the receiver gets another
    make_send = 4, // a new send right is made from the sender's receive right
    make_send_once = 5, // a new send-once right is made from the sender's receive right
    move_send_once = 6, // the sender's send-once right leaves it
};

struct MessageHeader {
    // On send: a send or send-once right (the disposition says which and
    // how). On receipt: the receiver's name of the port it arrived on.
    PortName destination;
    // On send: a right for the reply, or kNullName. On receipt: the
    // receiver's name for that right (kNullName if none).
    PortName reply;
    Disposition destination_disposition;
    Disposition reply_disposition;
    uint16_t descriptor_count;
    uint32_t size; // header + descriptors + inline data, in bytes
    uint32_t id; // what the message means, chosen by the protocol
    uint32_t reserved; // must be 0
    // On receipt: the payload of the send right the sender used (0 for a
    // plain right). Ignored on send: it cannot be forged.
    uint64_t payload;
};
static_assert(sizeof(MessageHeader) == 32);

enum class DescriptorType : uint8_t {
    port = 1,
    out_of_line = 2,
};

// A right carried in the message. On receipt, `name` is the receiver's
// name and `disposition` says what arrived: move_receive (a receive
// right), move_send (a send right) or move_send_once.
struct PortDescriptor {
    DescriptorType type; // port
    Disposition disposition;
    uint16_t reserved;
    PortName name;
    uint64_t reserved2;
};

// Memory carried out of line: the whole pages holding the bytes move
// copy-on-write (nothing is copied until one side writes). On send,
// `address` and `size` name the sender's bytes (deallocate: the pages
// holding them leave the sender). On receipt, `address` is where the same
// bytes are in the receiver (at the same offset within their first page),
// or 0 if they could not be mapped there (the receive then says no_space).
struct OutOfLineDescriptor {
    DescriptorType type; // out_of_line
    uint8_t deallocate;
    uint16_t reserved;
    uint32_t size;
    uint64_t address;
};

union Descriptor {
    DescriptorType type;
    PortDescriptor port;
    OutOfLineDescriptor out_of_line;
};
static_assert(sizeof(Descriptor) == 16);

// Limits: a message is at most 64 KiB inline; a descriptor's out-of-line
// region at most 64 MiB; at most 64 descriptors.
constexpr uint32_t kMaxMessageSize = 64 * 1024;

// The id of the first message on a program's bootstrap port when that is a
// receive right: the program's init ports (lib/exec/init_ports.h). The
// kernel queues one without rights for the first boot task, so that a
// program can always take the first message as its start message.
constexpr uint32_t kStartMessageId = 0x7000;
constexpr uint32_t kMaxOutOfLineSize = 64u * 1024 * 1024;
constexpr uint16_t kMaxDescriptors = 64;

// mach_msg options (a bit set).
enum MessageOption : uint32_t {
    kSend = 1u << 0,
    kReceive = 1u << 1,
    kSendTimeout = 1u << 2, // the send gives up after `timeout_ns` (0: do not wait at all)
    kReceiveTimeout = 1u << 3, // the receive gives up after `timeout_ns` (0: poll)
};

// Timeouts are in nanoseconds of the monotonic clock.
constexpr uint64_t kWaitForever = ~0ull;

} // namespace mach
