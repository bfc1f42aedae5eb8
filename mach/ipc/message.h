// Message: a message in the kernel, between mach_msg's send and receive.
//
// It is the sender's bytes (header, descriptors, inline data) with every
// right and out-of-line region converted into something the kernel owns:
// the destination right the sender used, the reply right, and per port
// descriptor a CarriedRight (kept in the descriptor's own 16 bytes), per
// out-of-line descriptor a handle from the OutOfLineMemory seam. A message
// owns all of it and releases it on every path: received, destroyed
// unreceived, its port died, a receive that failed halfway.
//
// Ownership: a message is owned by whoever holds the pointer — the sender
// until it is queued, the port's queue, then the receiver; Message::destroy
// frees it and what it carries.
#pragma once

#include <freestanding/result.h>
#include <ipc/right.h>
#include <mach/message.h>
#include <stddef.h>
#include <stdint.h>

namespace ipc {

class Account;

// The seam to virtual memory for out-of-line data (the kernel glue
// implements it over copy-on-write; host tests fake it). Addresses are in
// the current task: the sender's during copy-in, the receiver's during copy-out.
class OutOfLineMemory {
public:
    // A handle for a copy-on-write snapshot of the sender's [address, address + size).
    virtual Result<uint64_t> capture(uint64_t address, uint32_t size) = 0;
    // Removes [address, address + size) from the sender (the `deallocate` flag),
    // once the message is certain to be sent.
    virtual void remove_from_sender(uint64_t address, uint32_t size) = 0;
    // Maps the snapshot into the receiver; its address there. Consumes the handle on success.
    virtual Result<uint64_t> deliver(uint64_t handle, uint32_t size) = 0;
    // Drops a snapshot that will never be delivered.
    virtual void discard(uint64_t handle, uint32_t size) = 0;

protected:
    ~OutOfLineMemory() = default;
};

void set_out_of_line_memory(OutOfLineMemory* memory);
OutOfLineMemory* out_of_line_memory();

// Returns the blocks kept for small messages to the BlockAllocator (for leak checks).
void release_cached_messages();

class Message {
public:
    // A message of `size` bytes (header included; a multiple of 8 between
    // sizeof(MessageHeader) and kMaxMessageSize) with no rights yet.
    static Result<Message*> create(uint32_t size);
    // The same, with the bytes left as they are: for a caller that fills
    // all of them at once (copy-in), so that nothing is written twice.
    static Result<Message*> create_to_fill(uint32_t size);
    // Releases everything the message carries and frees it.
    static void destroy(Message* message);

    Message(const Message&) = delete;
    Message& operator=(const Message&) = delete;

    uint32_t size() const { return m_size; }
    // The bytes in the user's layout; descriptors hold kernel state until copy-out.
    mach::MessageHeader& header() { return *reinterpret_cast<mach::MessageHeader*>(bytes()); }
    const mach::MessageHeader& header() const { return *reinterpret_cast<const mach::MessageHeader*>(bytes()); }
    uint8_t* bytes() { return reinterpret_cast<uint8_t*>(this + 1); }
    const uint8_t* bytes() const { return reinterpret_cast<const uint8_t*>(this + 1); }
    mach::Descriptor* descriptors()
    {
        return reinterpret_cast<mach::Descriptor*>(bytes() + sizeof(mach::MessageHeader));
    }
    uint16_t descriptor_count() const { return header().descriptor_count; }
    // Inline data after the descriptors.
    uint8_t* body() { return reinterpret_cast<uint8_t*>(descriptors() + descriptor_count()); }
    size_t body_size() const;

    // The right the message travels through (owned): send or send-once.
    CarriedRight& destination() { return m_destination; }
    Port& destination_port() const { return *m_destination.port; }
    CarriedRight& reply() { return m_reply; }

    // Port descriptor `index` (of type port) in kernel form.
    CarriedRight port_right(size_t index) const;
    void set_port_right(size_t index, CarriedRight right);
    // Takes the right out of descriptor `index` (which is left empty).
    CarriedRight take_port_right(size_t index);

    // Send-once replies and kernel notifications are accepted by a full queue.
    bool always_accepted() const { return m_always_accepted; }
    void set_always_accepted() { m_always_accepted = true; }

    // Charges the message to `account` (the sender's) until it is destroyed;
    // no_space past the account's limit.
    Result<void> charge_to(Account& account);
    // Moves the charge to `account` (a reply's receiver: see send below):
    // no_space, changing nothing, past its limit.
    Result<void> move_charge_to(Account& account);
    Account* account() const { return m_account; }

    // A kernel notification (never charged: the right it travels through
    // bounds it), and among them the "reply lost" notice of send.
    bool notification() const { return m_notification; }
    void set_notification() { m_notification = true; }
    bool reply_lost_notice() const { return m_reply_lost_notice; }
    void set_reply_lost_notice() { m_reply_lost_notice = true; }

    Message* next() const { return m_next; }
    void set_next(Message* next) { m_next = next; }

private:
    explicit Message(uint32_t size)
        : m_size(size)
    {
    }
    void release_descriptors();

    Message* m_next = nullptr;
    CarriedRight m_destination;
    CarriedRight m_reply;
    Account* m_account = nullptr; // charged, if a task sent it
    uint32_t m_size;
    bool m_always_accepted = false;
    bool m_notification = false;
    bool m_reply_lost_notice = false;
};

// Queues `message` on the port of its destination right. On success the
// port (or, for a kernel port, the observer) owns it. queue_full (the queue
// is at its limit and the message is not always accepted) and port_dead
// leave it with the caller: retry later or destroy it.
//
// Who pays for a queued message: a message through a plain send right is
// charged to its sender (copy-in did it), who blocks or fails when the
// queue is full, so a flood costs the flooder. A message through a
// send-once right (a reply; the queue must accept it, or a client could
// make its server wait) is charged instead to the task that will receive
// it (Port::final_receiver): a client that asks and never reads its
// replies uses up its own account, never the server's. When that account
// is exhausted the reply is dropped, the send still succeeds for the
// server, and the client's port gets a send_once notification ("no reply
// will come"; at most one queued per port: reply_lost_notice). Kernel
// notifications are not charged.
Result<void> send(Message* message);

} // namespace ipc
