// Port: a kernel-owned message queue. One holder has its receive right;
// any number hold send rights (plain, or minted with a payload: see
// payload_record.h) and send-once rights. When the receive right dies the
// port is dead: its queue is destroyed, dead-name requests fire, and every
// send right held anywhere turns into a dead name the next time its name
// is looked up.
//
// Ownership: a port is reference counted. Each right (receive, plain send,
// send-once), each payload record and each holder of a raw pointer that
// must outlive a call holds one reference; the object is freed with the
// last. Concurrency: FIXME(SMP): single CPU; callers run with interrupts off.
#pragma once

#include <freestanding/assert.h>
#include <freestanding/result.h>
#include <ipc/right.h>
#include <ipc/wait_slot.h>
#include <mach/port.h>
#include <stddef.h>
#include <stdint.h>

namespace ipc {

class Account;
class Message;
class NameSpace;
class PortSet;
struct DeadNameRequest;

// What a port the kernel receives on stands for (the glue's business).
enum class KernelObject : uint8_t {
    none,
    task,
    thread,
    host,
    device,
    interrupt_line,
    memory_object,
};

class Port {
public:
    static constexpr const char* kCacheName = "ipc.port";

    // A new live port. The caller holds its receive right (CarriedRight::receive)
    // and must hand it to a name space or release it. It counts against
    // `account` (the creating task's; null: the kernel's) until it is freed:
    // no_space past the account's limit.
    static Result<Port*> create(Account* account = nullptr);

    Port() = default;
    Port(const Port&) = delete;
    Port& operator=(const Port&) = delete;

    bool dead() const { return m_dead; }
    // The name space holding the receive right; null while the right is in
    // a message or held by the kernel.
    NameSpace* receiver() const { return m_receiver; }
    PortSet* set() const { return m_set; }

    // The queue.
    uint32_t queued() const { return m_queued; }
    uint32_t queue_limit() const { return m_queue_limit; }
    // 1..mach::kMaxQueueLimit, else invalid_argument.
    Result<void> set_queue_limit(uint32_t limit);
    bool has_messages() const { return m_head != nullptr; }
    const Message* first_message() const { return m_head; }
    // Queues `message` (which owns a right to this port). queue_full if the
    // queue is at its limit, unless the message is always accepted (send-once,
    // notifications); port_dead if the port died. On error the caller keeps it.
    Result<void> enqueue(Message* message);
    // Takes the first message off the queue (null if empty).
    Message* dequeue();

    // Rights (each also counts as a reference).
    uint32_t send_rights() const { return m_send_rights; }
    uint32_t send_once_rights() const { return m_send_once_rights; }
    uint32_t payload_records() const { return m_payload_records; }
    // A new send right made from the receive right (counts toward "had senders").
    void make_send_right()
    {
        m_had_senders = true;
        copy_send_right();
    }
    // One more send right from an existing one.
    void copy_send_right()
    {
        m_send_rights++;
        m_references++;
    }
    void release_send_right();
    void make_send_once_right()
    {
        m_send_once_rights++;
        m_references++;
    }
    void release_send_once_right()
    {
        ASSERT(m_send_once_rights > 0);
        m_send_once_rights--;
        release();
    }
    // A payload record came or went (payload_record.cpp).
    void payload_record_created();
    // The last send right of the record for `payload` died: tells the payload-notify port.
    void payload_record_destroyed(uint64_t payload);

    // Raw references for short-term holders.
    void reference() { m_references++; }
    void release()
    {
        ASSERT(m_references > 0);
        if (--m_references == 0)
            free();
    }

    // The name space that will receive what is queued here: the holder of
    // the receive right, or, while that right travels in messages, the
    // holder at the end of the chain. Null if the kernel holds it or the
    // port is dead. (Messages through send-once rights are charged to it.)
    NameSpace* final_receiver() const;
    // Whether a "reply lost" notice (see message.h's send) waits in the
    // queue: a port gets at most one at a time.
    bool reply_lost_notice_queued() const { return m_reply_lost_notice; }
    void set_reply_lost_notice_queued(bool queued) { m_reply_lost_notice = queued; }

    // The receive right.
    void set_receiver(NameSpace* space);
    // The receive right went into a message queued (or about to be) on
    // `destination`; used to refuse messages that would make a cycle.
    void set_in_transit(Port* destination);
    // Whether sending the receive right `carried` in a message to this port
    // would make the message unreachable (the port would hold its own receive right).
    bool would_contain_itself(const Port& carried) const;
    // Destroys the receive right: the port dies. Ports whose receive rights
    // sit in the destroyed queue die too, iteratively (no deep recursion).
    void destroy_receive_right();

    // Port sets (port_set.cpp keeps the list).
    void set_member_links(PortSet* set, Port* previous, Port* next);
    Port* next_member() const { return m_next_member; }
    Port* previous_member() const { return m_previous_member; }

    // Notifications.
    // no_senders: a send-once right, consumed when the port's last send right
    // (plain or with any payload) dies. Returns the previous request (or empty).
    CarriedRight set_no_senders_request(CarriedRight notify);
    // payload_no_senders: the port told (through a send-once right made for
    // each notification) when a payload record dies. The port holds a plain
    // reference, not a send right, so that a port may notify itself without
    // keeping its own no-senders from ever firing. Returns the previous one
    // (its reference passes to the caller), or null.
    Port* set_payload_notify(Port* notify);
    // Fires no_senders now if the port had senders and has none left.
    void check_no_senders();
    // Dead-name requests for names denoting send rights to this port.
    void add_dead_name_request(DeadNameRequest* request);
    // The request for (space, name), unlinked, or null.
    DeadNameRequest* take_dead_name_request(const NameSpace& space, mach::PortName name);

    // Ports the kernel itself receives on (task, thread, ... ports).
    void set_kernel_object(KernelObject type, void* object);
    KernelObject kernel_object_type() const { return m_kernel_type; }
    void* kernel_object() const { return m_kernel_object; }

    WaitSlot& wait_slot() { return m_wait; }

private:
    void free();
    void die();
    void fire_dead_name_requests();
    void destroy_queue();
    void leave_set();
    static void drain_doomed();

    Message* m_head = nullptr;
    Message* m_tail = nullptr;
    NameSpace* m_receiver = nullptr;
    Port* m_in_transit_to = nullptr;
    PortSet* m_set = nullptr;
    Port* m_next_member = nullptr;
    Port* m_previous_member = nullptr;
    DeadNameRequest* m_dead_name_requests = nullptr;
    CarriedRight m_no_senders_notify; // send-once
    Port* m_payload_notify = nullptr; // referenced
    void* m_kernel_object = nullptr;
    Account* m_account = nullptr; // counted against (account.h), referenced
    Port* m_next_doomed = nullptr; // the list of ports waiting to die
    uint32_t m_references = 0;
    uint32_t m_send_rights = 0;
    uint32_t m_send_once_rights = 0;
    uint32_t m_payload_records = 0;
    uint32_t m_queued = 0;
    uint32_t m_queue_limit = mach::kDefaultQueueLimit;
    bool m_dead = false;
    bool m_had_senders = false;
    bool m_doomed = false;
    bool m_reply_lost_notice = false;
    KernelObject m_kernel_type = KernelObject::none;
    WaitSlot m_wait;
};

} // namespace ipc
