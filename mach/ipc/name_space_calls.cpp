// The port calls of mach/syscall.h on a NameSpace. Each checks everything
// first and then changes state in steps that cannot fail.
#include <freestanding/assert.h>
#include <ipc/memory.h>
#include <ipc/name_space.h>
#include <ipc/notification.h>
#include <ipc/payload_record.h>
#include <ipc/port.h>
#include <ipc/port_set.h>
#include <mach/syscall.h>

namespace ipc {

using mach::Disposition;
using mach::NotificationKind;
using mach::PortName;
using mach::RightType;

namespace {

bool is_one_type(RightType type)
{
    uint32_t bits = uint32_t(type);
    return bits && !(bits & (bits - 1)) && bits <= uint32_t(RightType::dead_name);
}

bool is_move(Disposition disposition)
{
    return disposition == Disposition::move_receive || disposition == Disposition::move_send
        || disposition == Disposition::move_send_once;
}

} // namespace

Result<PortName> NameSpace::allocate(RightType type)
{
    if (type == RightType::receive) {
        TRY(reserve(1));
        Port* port = TRY(Port::create(m_account));
        return put_right(CarriedRight::receive(*port));
    }
    if (type == RightType::port_set) {
        TRY(reserve(1));
        PortSet* set = TRY(PortSet::create(*this));
        uint32_t index = TRY(new_entry());
        m_entries[index].object = set;
        m_entries[index].bits = kPortSet;
        return name_at(index, m_entries[index].generation);
    }
    if (type == RightType::dead_name) {
        uint32_t index = TRY(new_entry());
        install(index, CarriedRight::dead_name());
        return name_at(index, m_entries[index].generation);
    }
    return Error::invalid_argument;
}

Result<void> NameSpace::deallocate(PortName name)
{
    uint32_t index = TRY(index_of(name));
    Entry& e = m_entries[index];
    if (e.bits & kSendOnce) {
        drop_send_once(index);
        return {};
    }
    if (!(e.bits & (kSend | kDeadName)))
        return Error::invalid_right;
    if (e.user_references > 1) {
        e.user_references--;
        return {};
    }
    if (e.bits & kSend) {
        drop_send_part(index);
    } else {
        e.bits = 0;
        after_change(index);
    }
    return {};
}

Result<void> NameSpace::destroy_name(PortName name)
{
    uint32_t index = TRY(index_of(name));
    release_entry_rights(index);
    return {};
}

Result<void> NameSpace::mod_refs(PortName name, RightType type, int32_t delta)
{
    uint32_t index = TRY(index_of(name));
    if (!is_one_type(type))
        return Error::invalid_argument;
    Entry& e = m_entries[index];
    uint8_t bit = uint8_t(type);
    if (!(e.bits & bit))
        return Error::invalid_right;
    if (bit == kSend || bit == kDeadName) {
        int64_t references = int64_t(e.user_references) + delta;
        if (references < 0 || references > kMaxUserReferences)
            return Error::invalid_argument;
        if (references > 0) {
            e.user_references = uint16_t(references);
        } else if (bit == kSend) {
            drop_send_part(index);
        } else {
            e.bits = 0;
            after_change(index);
        }
        return {};
    }
    // Receive rights, send-once rights and port sets have one reference.
    if (delta != 0 && delta != -1)
        return Error::invalid_argument;
    if (delta == 0)
        return {};
    if (bit == kReceive)
        drop_receive_part(index);
    else if (bit == kSendOnce)
        drop_send_once(index);
    else
        drop_port_set(index);
    return {};
}

Result<void> NameSpace::check_insert_at(PortName name, const CarriedRight& preview, bool& coalesce)
{
    uint32_t index = name >> 8;
    if (name == mach::kNullName || name == mach::kDeadName || index == 0 || index > kMaxNameLimit)
        return Error::invalid_name;
    const void* object = preview.record ? static_cast<void*>(preview.record) : static_cast<void*>(preview.port);
    coalesce = false;
    if (index < m_used && (m_entries[index].bits & kTypeBits)) {
        const Entry& e = m_entries[index];
        if (e.generation != uint8_t(name))
            return Error::already_exists;
        bool same_port = object && e.object == object;
        if (preview.kind == CarriedRight::Kind::send && same_port && (e.bits & (kSend | kReceive)))
            coalesce = true;
        else if (preview.kind == CarriedRight::Kind::receive && same_port && (e.bits & kSend))
            coalesce = true;
        else if (preview.kind == CarriedRight::Kind::dead_name && (e.bits & kDeadName))
            coalesce = true;
        else
            return Error::already_exists;
        return {};
    }
    // The right may not have a second name here (it would defeat coalescing).
    bool hashed = preview.kind == CarriedRight::Kind::send || preview.kind == CarriedRight::Kind::receive;
    if (hashed && find(object))
        return Error::already_exists;
    if (m_live >= m_limit)
        return Error::no_space;
    if (index >= m_capacity) {
        // A chosen name past the limit would size the table by the name,
        // not by the names in use: one call could cost 16M entries of heap.
        if (index > m_limit)
            return Error::no_space;
        uint32_t capacity = m_capacity;
        while (capacity <= index)
            capacity = next_capacity(capacity);
        TRY(grow(capacity));
    }
    return {};
}

void NameSpace::claim_index(uint32_t index, uint8_t generation)
{
    if (index >= m_used) {
        // The indices skipped over become free names.
        for (uint32_t skipped = m_used; skipped < index; skipped++) {
            m_entries[skipped] = {};
            m_entries[skipped].link = m_free;
            m_free = skipped;
            m_free_count++;
        }
        m_used = index + 1;
    } else {
        uint32_t* link = &m_free;
        while (*link != index) {
            ASSERT(*link != 0);
            link = &m_entries[*link].link;
        }
        *link = m_entries[index].link;
        m_free_count--;
    }
    m_entries[index] = {};
    m_entries[index].generation = generation;
    m_live++;
    memory::counters().names++;
}

Result<void> NameSpace::insert_right(PortName name, NameSpace& source, PortName source_name, Disposition disposition)
{
    if (&source == this && source_name == name && is_move(disposition))
        return Error::invalid_argument; // moving a right onto its own name
    CarriedRight preview = TRY(source.check_right(source_name, disposition, 1));
    bool coalesce = false;
    TRY(check_insert_at(name, preview, coalesce));
    CarriedRight right = source.take_right(source_name, disposition);
    uint32_t index = name >> 8;
    if (coalesce) {
        Entry& e = m_entries[index];
        if (right.kind == CarriedRight::Kind::dead_name) {
            if (e.user_references < kMaxUserReferences)
                e.user_references++;
            return {};
        }
        Result<PortName> placed = put_right(right);
        ASSERT(placed.ok() && placed.value() == name);
        return {};
    }
    claim_index(index, uint8_t(name));
    install(index, right);
    return {};
}

Result<PortName> NameSpace::extract_right(PortName name, Disposition disposition, NameSpace& into)
{
    TRY(check_right(name, disposition, 1));
    TRY(into.reserve(1));
    return into.put_right(take_right(name, disposition));
}

Result<void> NameSpace::move_member(PortName member, PortName set)
{
    uint32_t member_index = TRY(index_of(member));
    if (!(m_entries[member_index].bits & kReceive))
        return Error::invalid_right;
    Port& port = *static_cast<Port*>(m_entries[member_index].object);
    if (set == mach::kNullName) {
        if (port.set())
            port.set()->remove(port);
        return {};
    }
    uint32_t set_index = TRY(index_of(set));
    if (!(m_entries[set_index].bits & kPortSet))
        return Error::invalid_right;
    static_cast<PortSet*>(m_entries[set_index].object)->add(port);
    return {};
}

Result<uint32_t> NameSpace::receive_index(PortName name)
{
    uint32_t index = TRY(index_of(name));
    if (!(m_entries[index].bits & kReceive))
        return Error::invalid_right;
    return index;
}

Result<PortName> NameSpace::request_notification(
    PortName name, NotificationKind kind, NameSpace& caller, PortName notify, Disposition notify_disposition)
{
    uint32_t index = TRY(index_of(name));
    switch (kind) {
    case NotificationKind::dead_name: return request_dead_name(index, caller, notify, notify_disposition);
    case NotificationKind::no_senders:
    case NotificationKind::payload_no_senders: {
        index = TRY(receive_index(name));
        Port& port = *static_cast<Port*>(m_entries[index].object);
        if (kind == NotificationKind::no_senders)
            return request_no_senders(port, caller, notify, notify_disposition);
        return request_payload_notify(port, caller, notify, notify_disposition);
    }
    default: return Error::invalid_argument;
    }
}

namespace {

// A send-once right to notify (or nothing, to cancel): checked, not taken.
Result<void> check_send_once_notify(NameSpace& caller, PortName notify, Disposition disposition)
{
    if (notify == mach::kNullName)
        return caller.reserve(1); // for the previous right
    if (disposition != Disposition::make_send_once && disposition != Disposition::move_send_once)
        return Error::invalid_disposition;
    CarriedRight preview = TRY(caller.check_right(notify, disposition, 1));
    if (preview.kind != CarriedRight::Kind::send_once)
        return Error::invalid_right; // a dead name cannot deliver anything
    return caller.reserve(1);
}

} // namespace

Result<PortName> NameSpace::request_dead_name(
    uint32_t index, NameSpace& caller, PortName notify, Disposition notify_disposition)
{
    if (!(m_entries[index].bits & (kSend | kSendOnce | kDeadName)))
        return Error::invalid_right;
    // A send-once right cannot be its own notification: moving it out
    // empties the entry, and a request left on an empty entry outlives the
    // space (nothing drops it when the space is destroyed).
    bool notify_is_this_right = &caller == this && notify == name_at(index, m_entries[index].generation);
    if (notify_is_this_right && notify_disposition == Disposition::move_send_once)
        return Error::invalid_argument;
    // Reserving room in the caller's space may grow it; when the caller is
    // this space its entries move: the entry is taken only afterwards.
    TRY(check_send_once_notify(caller, notify, notify_disposition));
    Entry& e = m_entries[index];
    PortName name = name_at(index, e.generation);
    if (e.bits & kDeadName) {
        // Already dead: the notification goes out at once.
        if (notify != mach::kNullName)
            send_notification(caller.take_right(notify, notify_disposition), NotificationKind::dead_name, name, 0);
        return mach::kNullName;
    }
    DeadNameRequest* request = nullptr;
    if (notify != mach::kNullName)
        request = TRY(memory::cache<DeadNameRequest>().create());
    Port& port = (e.bits & kPayload) ? static_cast<PayloadRecord*>(e.object)->port() : *static_cast<Port*>(e.object);
    CarriedRight previous;
    if (e.bits & kRequest) {
        DeadNameRequest* old = port.take_dead_name_request(*this, name);
        ASSERT(old);
        previous = old->notify;
        memory::cache<DeadNameRequest>().destroy(old);
        memory::counters().dead_name_requests--;
        e.bits &= ~kRequest;
    }
    if (request) {
        request->space = this;
        request->name = name;
        request->notify = caller.take_right(notify, notify_disposition);
        port.add_dead_name_request(request);
        memory::counters().dead_name_requests++;
        m_entries[index].bits |= kRequest;
    }
    return caller.put_right(previous);
}

Result<PortName> NameSpace::request_no_senders(
    Port& port, NameSpace& caller, PortName notify, Disposition notify_disposition)
{
    TRY(check_send_once_notify(caller, notify, notify_disposition));
    CarriedRight right;
    if (notify != mach::kNullName)
        right = caller.take_right(notify, notify_disposition);
    CarriedRight previous = port.set_no_senders_request(right);
    PortName previous_name = TRY(caller.put_right(previous));
    port.check_no_senders();
    return previous_name;
}

Result<PortName> NameSpace::request_payload_notify(
    Port& port, NameSpace& caller, PortName notify, Disposition notify_disposition)
{
    Port* notify_port = nullptr;
    if (notify != mach::kNullName) {
        if (notify_disposition != Disposition::make_send && notify_disposition != Disposition::copy_send)
            return Error::invalid_disposition;
        CarriedRight preview = TRY(caller.check_right(notify, notify_disposition, 1));
        if (preview.kind != CarriedRight::Kind::send)
            return Error::invalid_right;
        notify_port = preview.port;
    }
    TRY(caller.reserve(1));
    // The port keeps a plain reference to the notify port (see Port::set_payload_notify).
    if (notify_port)
        notify_port->reference();
    Port* previous = port.set_payload_notify(notify_port);
    if (!previous)
        return mach::kNullName;
    previous->copy_send_right();
    previous->release();
    return caller.put_right(CarriedRight::send(*previous));
}

Result<PortName> NameSpace::make_send_with_payload(PortName name, uint64_t payload)
{
    if (payload == 0 || payload > mach::kMaxPayload)
        return Error::invalid_argument;
    uint32_t index = TRY(receive_index(name));
    TRY(reserve(1));
    PayloadRecord* record = TRY(PayloadRecord::create(*static_cast<Port*>(m_entries[index].object), payload));
    return put_right(CarriedRight::send(*record));
}

Result<void> NameSpace::set_queue_limit(PortName name, uint32_t limit)
{
    uint32_t index = TRY(receive_index(name));
    return static_cast<Port*>(m_entries[index].object)->set_queue_limit(limit);
}

Result<NameInfo> NameSpace::type(PortName name)
{
    uint32_t index = TRY(index_of(name));
    const Entry& e = m_entries[index];
    uint32_t references = e.user_references;
    if (e.bits & kSendOnce)
        references = 1;
    return NameInfo { RightType(e.bits & kTypeBits), references };
}

Result<Identity> NameSpace::identify(PortName name)
{
    CarriedRight right = TRY(check_right(name, Disposition::copy_send, 1));
    if (right.kind != CarriedRight::Kind::send)
        return Error::invalid_right;
    PortName receive = name_of_receive_right(*right.port);
    if (receive == mach::kNullName)
        return Error::not_found;
    return Identity { receive, right.payload() };
}

Result<void> NameSpace::copy_send_rights_into(NameSpace& child, KeepRight keep, const void* context)
{
    for (uint32_t index = 1; index < m_used; ++index) {
        convert_if_dead(index);
        const Entry& e = m_entries[index];
        if ((e.bits & kTypeBits) != kSend || !keep(port_of_send(e), context))
            continue;
        PortName name = name_at(index, e.generation);
        uint16_t references = e.user_references;
        TRY(child.insert_right(name, *this, name, Disposition::copy_send));
        if (references > 1)
            TRY(child.mod_refs(name, mach::RightType::send, int32_t(references) - 1));
    }
    return {};
}

} // namespace ipc
