// NameSpace: one task's port names. A name is a small integer that means
// something only inside its task: it denotes one right, or a receive right
// together with the plain send rights to the same port (coalescing, as
// mach/port.h says). Send, dead-name and the send part of a coalesced name
// carry user references.
//
// A name is (index << 8 | generation): a name deallocated and reused gets a
// new generation, so a stale name is caught (invalid_name) instead of
// silently reaching another right. Entries are 16 bytes in one table that
// grows by half as needed, up to a per-space limit (no_space past it); a hash
// chained through the entries finds the name already holding a send or
// receive right for a port (or payload record), for coalescing.
//
// The port calls of mach/syscall.h are methods here; every one checks all
// of its input before it changes anything, so an error leaves the space
// as it was. Ownership: a task owns its space; destroy() releases every
// right in it. Concurrency: FIXME(SMP): single CPU, interrupts off.
#pragma once

#include <freestanding/result.h>
#include <ipc/memory.h>
#include <ipc/payload_record.h>
#include <ipc/port.h>
#include <ipc/right.h>
#include <mach/message.h>
#include <mach/port.h>
#include <stddef.h>
#include <stdint.h>

namespace ipc {

class Account;
class Port;
class PortSet;
class PayloadRecord;

// What port_type reports.
struct NameInfo {
    mach::RightType type;
    uint32_t user_references; // of the send, send-once or dead-name part
};

// What port_identify answers.
struct Identity {
    mach::PortName receive;
    uint64_t payload;
};

// Where a receive takes messages from: a port (receive right) or a port set.
struct ReceiveSource {
    Port* port = nullptr;
    PortSet* set = nullptr;
};

class NameSpace {
public:
    static constexpr const char* kCacheName = "ipc.space";
    static constexpr uint32_t kDefaultNameLimit = 1u << 16;
    static constexpr uint32_t kMaxNameLimit = (1u << 24) - 2;
    static constexpr uint32_t kMaxUserReferences = 0xffff;

    // Its account is `account` (the caller's reference passes to the space,
    // even on failure); null: a new privileged one (see account.h).
    static Result<NameSpace*> create(Account* account = nullptr);
    // Releases every right (receive rights die, notifications go out) and frees the space.
    static void destroy(NameSpace* space);

    NameSpace() = default;
    NameSpace(const NameSpace&) = delete;
    NameSpace& operator=(const NameSpace&) = delete;

    // ---- port calls (mach/syscall.h) ----
    // A new receive right, port set or dead name (one user reference).
    Result<mach::PortName> allocate(mach::RightType type);
    // Drops one user reference of a send, send-once or dead-name right.
    Result<void> deallocate(mach::PortName name);
    // Removes the name and every right it holds.
    Result<void> destroy_name(mach::PortName name);
    // Adds `delta` user references to the `type` part of the name (a
    // negative delta drops them; a receive right or set may only go to 0).
    Result<void> mod_refs(mach::PortName name, mach::RightType type, int32_t delta);
    // Takes a right out of `source` (by `disposition`) and puts it into this
    // space under exactly `name` (which must be free, or already denote the
    // same send right: then a user reference is added).
    Result<void> insert_right(
        mach::PortName name, NameSpace& source, mach::PortName source_name, mach::Disposition disposition);
    // Takes a right out of this space (by `disposition`) into `into`, under a new name there.
    Result<mach::PortName> extract_right(mach::PortName name, mach::Disposition disposition, NameSpace& into);
    // fork: gives the space `child` a copy of every send right held here
    // (payload and user references included) under the same name, except
    // where `keep` says no. Receive, send-once and port-set names are not
    // copied (they cannot be shared); nor are dead names (the child would
    // only learn that they are dead). On an error the child holds part of
    // the copy; the caller destroys it.
    using KeepRight = bool (*)(const Port& port, const void* context);
    Result<void> copy_send_rights_into(NameSpace& child, KeepRight keep, const void* context);
    // Moves the receive right `member` into the port set `set` (kNullName: out of its set).
    Result<void> move_member(mach::PortName member, mach::PortName set);
    // Registers a notification for `name` (dead_name: a send, send-once or
    // dead name; no_senders and payload_no_senders: a receive right) with a
    // right of `caller` to notify. Returns the previous notify right, moved
    // into `caller` (kNullName if none).
    Result<mach::PortName> request_notification(mach::PortName name, mach::NotificationKind kind, NameSpace& caller,
        mach::PortName notify, mach::Disposition notify_disposition);
    // A new send right to the receive right `name`, carrying `payload` (nonzero).
    Result<mach::PortName> make_send_with_payload(mach::PortName name, uint64_t payload);
    Result<void> set_queue_limit(mach::PortName name, uint32_t limit);
    Result<NameInfo> type(mach::PortName name);
    // For a send right whose port's receive right this space holds too: the
    // receive right's name and the right's payload (not_found otherwise).
    Result<Identity> identify(mach::PortName name);

    // ---- for messages ----
    // Checks that `name` can give a right by `disposition` (`move_uses`: how
    // many user references the caller will move out of it in all) without
    // changing anything, and previews the right (not owned: no counts taken).
    Result<CarriedRight> check_right(mach::PortName name, mach::Disposition disposition, uint32_t move_uses);
    // Takes a right by `disposition`; check_right must have passed.
    CarriedRight take_right(mach::PortName name, mach::Disposition disposition);
    // The right take_right would give, taking nothing (check_right must have passed).
    CarriedRight peek_right(mach::PortName name, mach::Disposition disposition) const;
    // Puts a right into the space (coalescing) and returns its name. On
    // no_space the right is released.
    Result<mach::PortName> put_right(CarriedRight right);
    // Whether put_right of `count` rights needing new names would fit.
    Result<void> reserve(uint32_t count);
    // The receiver's name for port or set to receive on.
    Result<ReceiveSource> receive_source(mach::PortName name);
    // The name holding the receive right of `port` (kNullName if none here).
    mach::PortName name_of_receive_right(const Port& port) const;

    // ---- for the direct path (transfer.h): the RPC shapes only, no calls ----
    // The port a direct message sent through `name` by `disposition`
    // (copy_send or move_send_once) goes to, and its payload; null if the
    // name does not give a live right that way (the general path then says why).
    Port* direct_destination(mach::PortName name, mach::Disposition disposition, uint64_t& payload);
    // The port of the receive right `name` (null if the name holds none).
    Port* receive_port(mach::PortName name);
    // Removes the send-once right `name` (checked by direct_destination): a message used it up.
    void use_send_once(mach::PortName name);
    // Names a send-once right to `port` (owned by the caller, given to the
    // space); reserve(1) must have passed.
    mach::PortName put_send_once(Port& port);

    // ---- limits and statistics ----
    // What the task's messages in flight cost (its quota).
    Account& account() { return *m_account; }
    uint32_t name_count() const { return m_live; }
    uint32_t name_limit() const { return m_limit; }
    // 1..kMaxNameLimit; a limit below the names in use is refused (busy).
    Result<void> set_name_limit(uint32_t limit);
    static constexpr size_t entry_bytes();
    // Table and hash bytes per name slot now (for the memory figures).
    size_t table_bytes() const;
    // What the table and hash take from the allocator.
    size_t table_footprint() const;

    // For the dead-name requests of a port that died: clears the request mark of `name`.
    void forget_request(mach::PortName name);

private:
    struct Entry {
        void* object; // Port, PayloadRecord (payload bit) or PortSet; free: null
        uint32_t link; // hash chain (in use) or free list (free): an index, 0 = end
        uint16_t user_references;
        uint8_t bits; // EntryBits
        uint8_t generation;
    };

    // Entry::bits. The first five are mach::RightType's bits.
    static constexpr uint8_t kSend = 1u << 0;
    static constexpr uint8_t kReceive = 1u << 1;
    static constexpr uint8_t kSendOnce = 1u << 2;
    static constexpr uint8_t kPortSet = 1u << 3;
    static constexpr uint8_t kDeadName = 1u << 4;
    static constexpr uint8_t kTypeBits = 0x1f;
    static constexpr uint8_t kPayload = 1u << 5; // object is a PayloadRecord (with kSend)
    static constexpr uint8_t kRequest = 1u << 6; // a dead-name request is registered on the port

    static_assert(uint32_t(mach::RightType::send) == kSend && uint32_t(mach::RightType::receive) == kReceive
        && uint32_t(mach::RightType::send_once) == kSendOnce && uint32_t(mach::RightType::port_set) == kPortSet
        && uint32_t(mach::RightType::dead_name) == kDeadName);

    static mach::PortName name_at(uint32_t index, uint8_t generation);
    // The index a name denotes (turning a dead port's right into a dead name).
    Result<uint32_t> index_of(mach::PortName name);
    Entry& entry(uint32_t index) { return m_entries[index]; }
    static Port& port_of_send(const Entry& e);
    void convert_if_dead(uint32_t index);
    void convert_to_dead_name(uint32_t index);
    Result<uint32_t> new_entry();
    Result<uint32_t> new_entry_growing();
    uint32_t start_entry(uint32_t index);
    Result<void> grow(uint32_t capacity);
    // The capacity after `capacity` when the table grows: half as much
    // again (doubling would leave up to half of a big table unused).
    static uint32_t next_capacity(uint32_t capacity) { return capacity + capacity / 2; }
    void free_entry(uint32_t index);
    uint32_t find(const void* object) const;
    void hash_insert(uint32_t index);
    void hash_remove(uint32_t index);
    uint32_t bucket_of(const void* object) const;
    void install(uint32_t index, CarriedRight right);
    static CarriedRight preview(const Entry& e, mach::Disposition disposition);
    Result<void> check_insert_at(mach::PortName name, const CarriedRight& preview, bool& coalesce);
    void claim_index(uint32_t index, uint8_t generation);
    void release_entry_rights(uint32_t index);
    void drop_request(uint32_t index, bool deleted);
    void drop_registered_request(uint32_t index, bool deleted);
    void drop_send_part(uint32_t index);
    void drop_receive_part(uint32_t index);
    void drop_send_once(uint32_t index);
    void drop_port_set(uint32_t index);
    void after_change(uint32_t index);
    Result<uint32_t> receive_index(mach::PortName name);
    Result<mach::PortName> request_dead_name(
        uint32_t index, NameSpace& caller, mach::PortName notify, mach::Disposition notify_disposition);
    Result<mach::PortName> request_no_senders(
        Port& port, NameSpace& caller, mach::PortName notify, mach::Disposition notify_disposition);
    Result<mach::PortName> request_payload_notify(
        Port& port, NameSpace& caller, mach::PortName notify, mach::Disposition notify_disposition);

    Account* m_account = nullptr; // referenced
    Entry* m_entries = nullptr;
    uint32_t* m_buckets = nullptr;
    uint32_t m_capacity = 0; // entries in the table (index 0 is never used)
    uint32_t m_bucket_count = 0; // a power of two
    uint32_t m_free = 0; // head of the free list
    uint32_t m_free_count = 0;
    uint32_t m_used = 0; // the next never-used index
    uint32_t m_live = 0;
    uint32_t m_limit = kDefaultNameLimit;
};

constexpr size_t NameSpace::entry_bytes() { return sizeof(Entry); }

// The lookups below run on every message: inline, so that the RPC path
// pays no calls for them.

inline Port& NameSpace::port_of_send(const Entry& e)
{
    return (e.bits & kPayload) ? static_cast<PayloadRecord*>(e.object)->port() : *static_cast<Port*>(e.object);
}

// A send or send-once right whose port died becomes a dead name when its
// name is next used (the port does not know the names that denote it).
inline void NameSpace::convert_if_dead(uint32_t index)
{
    const Entry& e = m_entries[index];
    if ((e.bits & (kSend | kSendOnce)) && !(e.bits & kReceive) && port_of_send(e).dead())
        convert_to_dead_name(index);
}

inline Result<uint32_t> NameSpace::index_of(mach::PortName name)
{
    // Index 0 is never a name, and kDeadName's index is past any table.
    uint32_t index = name >> 8;
    if (index - 1 >= m_used - 1)
        return Error::invalid_name;
    const Entry& e = m_entries[index];
    if (!(e.bits & kTypeBits) || e.generation != uint8_t(name))
        return Error::invalid_name;
    convert_if_dead(index);
    return index;
}

// The right a checked entry gives by `disposition` (no counts taken).
inline CarriedRight NameSpace::preview(const Entry& e, mach::Disposition disposition)
{
    if (e.bits & kDeadName)
        return CarriedRight::dead_name();
    switch (disposition) {
    case mach::Disposition::move_receive: return CarriedRight::receive(*static_cast<Port*>(e.object));
    case mach::Disposition::make_send: return CarriedRight::send(*static_cast<Port*>(e.object));
    case mach::Disposition::make_send_once:
    case mach::Disposition::move_send_once: return CarriedRight::send_once(*static_cast<Port*>(e.object));
    default:
        if (e.bits & kPayload)
            return CarriedRight::send(*static_cast<PayloadRecord*>(e.object));
        return CarriedRight::send(*static_cast<Port*>(e.object));
    }
}

inline Result<CarriedRight> NameSpace::check_right(
    mach::PortName name, mach::Disposition disposition, uint32_t move_uses)
{
    uint32_t index = TRY(index_of(name));
    const Entry& e = m_entries[index];
    switch (disposition) {
    case mach::Disposition::move_receive:
    case mach::Disposition::make_send:
    case mach::Disposition::make_send_once:
        if (!(e.bits & kReceive))
            return Error::invalid_right;
        break;
    case mach::Disposition::copy_send:
    case mach::Disposition::move_send:
        if (!(e.bits & (kSend | kDeadName)))
            return Error::invalid_right;
        if (disposition == mach::Disposition::move_send && e.user_references < move_uses)
            return Error::invalid_right;
        break;
    case mach::Disposition::move_send_once:
        if (!(e.bits & (kSendOnce | kDeadName)))
            return Error::invalid_right;
        break;
    default: return Error::invalid_disposition;
    }
    return preview(e, disposition);
}

// Counts a fresh entry in.
inline uint32_t NameSpace::start_entry(uint32_t index)
{
    m_entries[index].link = 0;
    m_live++;
    memory::counters().names++;
    return index;
}

inline Result<uint32_t> NameSpace::new_entry()
{
    if (!m_free || m_live >= m_limit)
        return new_entry_growing();
    uint32_t index = m_free;
    m_free = m_entries[index].link;
    m_free_count--;
    return start_entry(index);
}

inline void NameSpace::free_entry(uint32_t index)
{
    Entry& e = m_entries[index];
    ASSERT(!(e.bits & kRequest));
    e.object = nullptr;
    e.bits = 0;
    e.user_references = 0;
    e.generation++;
    e.link = m_free;
    m_free = index;
    m_free_count++;
    m_live--;
    memory::counters().names--;
}

// Cancels the dead-name request on the entry, if there is one (deleted:
// its notify right is told port_deleted; else it is dropped quietly).
inline void NameSpace::drop_request(uint32_t index, bool deleted)
{
    if (m_entries[index].bits & kRequest)
        drop_registered_request(index, deleted);
}

inline Port* NameSpace::direct_destination(mach::PortName name, mach::Disposition disposition, uint64_t& payload)
{
    uint32_t index = name >> 8;
    if (index - 1 >= m_used - 1)
        return nullptr;
    const Entry& e = m_entries[index];
    uint8_t wanted = disposition == mach::Disposition::copy_send ? kSend : kSendOnce;
    if (!(e.bits & wanted) || e.generation != uint8_t(name))
        return nullptr;
    payload = 0;
    Port* port = static_cast<Port*>(e.object);
    if (e.bits & kPayload) {
        payload = static_cast<PayloadRecord*>(e.object)->payload();
        port = &static_cast<PayloadRecord*>(e.object)->port();
    }
    return port->dead() ? nullptr : port;
}

inline Port* NameSpace::receive_port(mach::PortName name)
{
    uint32_t index = name >> 8;
    if (index - 1 >= m_used - 1)
        return nullptr;
    const Entry& e = m_entries[index];
    if (!(e.bits & kReceive) || e.generation != uint8_t(name))
        return nullptr;
    return static_cast<Port*>(e.object);
}

inline Result<ReceiveSource> NameSpace::receive_source(mach::PortName name)
{
    uint32_t index = TRY(index_of(name));
    const Entry& e = m_entries[index];
    if (e.bits & kReceive)
        return ReceiveSource { static_cast<Port*>(e.object), nullptr };
    if (e.bits & kPortSet)
        return ReceiveSource { nullptr, static_cast<PortSet*>(e.object) };
    return Error::invalid_right;
}

} // namespace ipc
