// NameSpace: the name table, the reverse hash, and moving rights in and out.
// The port calls are in name_space_calls.cpp.
#include <freestanding/assert.h>
#include <ipc/account.h>
#include <ipc/memory.h>
#include <ipc/name_space.h>
#include <ipc/notification.h>
#include <ipc/observer.h>
#include <ipc/payload_record.h>
#include <ipc/port.h>
#include <ipc/port_set.h>

namespace ipc {

using mach::Disposition;
using mach::PortName;

namespace {

constexpr uint32_t kFirstCapacity = 16;

} // namespace

static_assert(NameSpace::entry_bytes() <= 16, "a name-space entry must stay within 16 bytes");

Result<NameSpace*> NameSpace::create(Account* given)
{
    Result<NameSpace*> created = memory::cache<NameSpace>().create();
    if (!created.ok()) {
        if (given)
            given->release();
        return created.error();
    }
    NameSpace* space = created.value();
    Result<Account*> account = given ? Result<Account*>(given) : Account::create();
    Result<void> table = account.ok() ? space->grow(kFirstCapacity) : Result<void>(account.error());
    if (!table.ok()) {
        if (account.ok())
            account.value()->release();
        memory::cache<NameSpace>().destroy(space);
        return table.error();
    }
    space->m_account = account.value();
    memory::counters().name_spaces++;
    return space;
}

void NameSpace::destroy(NameSpace* space)
{
    for (uint32_t index = 1; index < space->m_used; index++) {
        if (space->m_entries[index].bits & (kTypeBits))
            space->release_entry_rights(index);
    }
    ASSERT(space->m_live == 0);
    memory::counters().name_table_bytes -= space->table_footprint();
    memory::blocks().free(space->m_entries);
    memory::blocks().free(space->m_buckets);
    space->m_account->release(); // messages still in flight keep it
    memory::cache<NameSpace>().destroy(space);
    memory::counters().name_spaces--;
}

// ---- names ----

PortName NameSpace::name_at(uint32_t index, uint8_t generation) { return (index << 8) | generation; }

void NameSpace::convert_to_dead_name(uint32_t index)
{
    Entry& e = m_entries[index];
    Port& port = port_of_send(e);
    uint16_t references = e.user_references;
    if (e.bits & kSend) {
        hash_remove(index);
        if (e.bits & kPayload)
            static_cast<PayloadRecord*>(e.object)->release_send_right();
        else
            port.release_send_right();
    } else {
        port.release_send_once_right();
    }
    e.object = nullptr;
    e.bits = kDeadName;
    e.user_references = references;
}

// new_entry's way when the free list is empty (or the limit is reached):
// a never-used index, growing the table if needed.
Result<uint32_t> NameSpace::new_entry_growing()
{
    if (m_live >= m_limit)
        return Error::no_space;
    if (m_used >= m_capacity)
        TRY(grow(next_capacity(m_capacity)));
    return start_entry(m_used++);
}

Result<void> NameSpace::reserve(uint32_t count)
{
    if (count > m_limit - m_live)
        return Error::no_space;
    if (count <= m_capacity - m_used + m_free_count)
        return {};
    uint32_t capacity = m_capacity;
    while (capacity - m_used + m_free_count < count)
        capacity = next_capacity(capacity);
    return grow(capacity);
}

Result<void> NameSpace::grow(uint32_t capacity)
{
    if (capacity > kMaxNameLimit + 1)
        capacity = kMaxNameLimit + 1;
    if (capacity <= m_capacity)
        return Error::no_space;
    // One bucket for every two entries keeps chains short at 2 bytes a name.
    uint32_t bucket_count = 1;
    while (bucket_count < capacity / 2)
        bucket_count *= 2;
    void* table = TRY(memory::blocks().allocate(size_t(capacity) * sizeof(Entry)));
    Result<void*> buckets = memory::blocks().allocate(size_t(bucket_count) * sizeof(uint32_t));
    if (!buckets.ok()) {
        memory::blocks().free(table);
        return buckets.error();
    }
    Entry* entries = static_cast<Entry*>(table);
    __builtin_memset(entries, 0, size_t(capacity) * sizeof(Entry));
    if (m_entries)
        __builtin_memcpy(entries, m_entries, size_t(m_used) * sizeof(Entry));
    __builtin_memset(buckets.value(), 0, size_t(bucket_count) * sizeof(uint32_t));
    memory::counters().name_table_bytes -= table_footprint();
    memory::blocks().free(m_entries);
    memory::blocks().free(m_buckets);
    m_entries = entries;
    m_buckets = static_cast<uint32_t*>(buckets.value());
    m_capacity = capacity;
    m_bucket_count = bucket_count;
    memory::counters().name_table_bytes += table_footprint();
    if (m_used == 0)
        m_used = 1; // index 0 is never a name
    for (uint32_t index = 1; index < m_used; index++) {
        if (m_entries[index].bits & (kSend | kReceive))
            hash_insert(index);
    }
    return {};
}

Result<void> NameSpace::set_name_limit(uint32_t limit)
{
    if (limit == 0 || limit > kMaxNameLimit)
        return Error::invalid_argument;
    if (limit < m_live)
        return Error::busy;
    m_limit = limit;
    return {};
}

size_t NameSpace::table_footprint() const
{
    if (!m_entries)
        return 0;
    return memory::blocks().footprint(size_t(m_capacity) * sizeof(Entry))
        + memory::blocks().footprint(size_t(m_bucket_count) * sizeof(uint32_t));
}

size_t NameSpace::table_bytes() const { return size_t(m_capacity) * sizeof(Entry) + size_t(m_bucket_count) * 4; }

// ---- the reverse hash: object -> the index naming it ----

uint32_t NameSpace::bucket_of(const void* object) const
{
    uint64_t key = reinterpret_cast<uint64_t>(object) >> 4;
    key *= 0x9e3779b97f4a7c15ull;
    return uint32_t(key >> 32) & (m_bucket_count - 1);
}

uint32_t NameSpace::find(const void* object) const
{
    for (uint32_t index = m_buckets[bucket_of(object)]; index; index = m_entries[index].link) {
        if (m_entries[index].object == object)
            return index;
    }
    return 0;
}

void NameSpace::hash_insert(uint32_t index)
{
    uint32_t& head = m_buckets[bucket_of(m_entries[index].object)];
    m_entries[index].link = head;
    head = index;
}

void NameSpace::hash_remove(uint32_t index)
{
    uint32_t* link = &m_buckets[bucket_of(m_entries[index].object)];
    while (*link != index) {
        ASSERT(*link != 0);
        link = &m_entries[*link].link;
    }
    *link = m_entries[index].link;
    m_entries[index].link = 0;
}

// ---- dropping rights ----

void NameSpace::drop_registered_request(uint32_t index, bool deleted)
{
    Entry& e = m_entries[index];
    e.bits &= ~kRequest;
    Port& port = (e.bits & kPayload) ? static_cast<PayloadRecord*>(e.object)->port() : *static_cast<Port*>(e.object);
    PortName name = name_at(index, e.generation);
    DeadNameRequest* request = port.take_dead_name_request(*this, name);
    ASSERT(request);
    if (deleted)
        send_notification(request->notify, mach::NotificationKind::port_deleted, name, 0);
    else
        request->notify.release();
    memory::cache<DeadNameRequest>().destroy(request);
    memory::counters().dead_name_requests--;
}

void NameSpace::forget_request(PortName name)
{
    uint32_t index = name >> 8;
    ASSERT(index < m_used && m_entries[index].generation == uint8_t(name));
    m_entries[index].bits &= ~kRequest;
}

// Frees the entry if it holds nothing any more.
void NameSpace::after_change(uint32_t index)
{
    if (!(m_entries[index].bits & kTypeBits))
        free_entry(index);
}

void NameSpace::drop_send_part(uint32_t index)
{
    Entry& e = m_entries[index];
    drop_request(index, true);
    void* object = e.object;
    bool payload = e.bits & kPayload;
    bool keeps_receive = e.bits & kReceive;
    if (!keeps_receive)
        hash_remove(index);
    e.bits &= ~(kSend | kPayload);
    e.user_references = 0;
    after_change(index);
    if (payload)
        static_cast<PayloadRecord*>(object)->release_send_right();
    else
        static_cast<Port*>(object)->release_send_right();
}

void NameSpace::drop_receive_part(uint32_t index)
{
    Entry& e = m_entries[index];
    Port* port = static_cast<Port*>(e.object);
    if (!(e.bits & kSend))
        hash_remove(index);
    e.bits &= ~kReceive;
    after_change(index);
    port->destroy_receive_right();
    // A send right under the same name now names a dead port: it turns
    // into a dead name the next time the name is looked up.
}

void NameSpace::drop_send_once(uint32_t index)
{
    Entry& e = m_entries[index];
    drop_request(index, true);
    CarriedRight right = CarriedRight::send_once(*static_cast<Port*>(e.object));
    e.bits = 0;
    after_change(index);
    right.release();
}

void NameSpace::drop_port_set(uint32_t index)
{
    PortSet* set = static_cast<PortSet*>(m_entries[index].object);
    m_entries[index].bits = 0;
    after_change(index);
    PortSet::destroy(set);
}

void NameSpace::release_entry_rights(uint32_t index)
{
    Entry& e = m_entries[index];
    if (e.bits & kPortSet) {
        drop_port_set(index);
    } else if (e.bits & kSendOnce) {
        drop_send_once(index);
    } else if (e.bits & kDeadName) {
        e.bits = 0;
        after_change(index);
    } else {
        // Keep the receive right until last: its death turns the send part dead.
        bool receive = e.bits & kReceive;
        if (e.bits & kSend)
            drop_send_part(index);
        if (receive)
            drop_receive_part(index);
    }
}

// ---- rights for messages ----

CarriedRight NameSpace::peek_right(PortName name, Disposition disposition) const
{
    // check_right validated the name (and turned a dead port's right into a dead name).
    uint32_t index = name >> 8;
    ASSERT(index < m_used && m_entries[index].generation == uint8_t(name));
    return preview(m_entries[index], disposition);
}

CarriedRight NameSpace::take_right(PortName name, Disposition disposition)
{
    CarriedRight right = peek_right(name, disposition);
    uint32_t index = name >> 8;
    Entry& e = m_entries[index];
    switch (disposition) {
    case Disposition::move_receive:
        if (right.port->set())
            right.port->set()->remove(*right.port);
        if (!(e.bits & kSend))
            hash_remove(index);
        e.bits &= ~kReceive;
        right.port->set_in_transit(nullptr);
        after_change(index);
        // Threads waiting to receive here must look again: the right is gone.
        if (observer())
            observer()->port_moved(*right.port);
        return right;
    case Disposition::make_send: right.port->make_send_right(); return right;
    case Disposition::make_send_once: right.port->make_send_once_right(); return right;
    case Disposition::copy_send: return right.copy();
    case Disposition::move_send:
    case Disposition::move_send_once:
        if (e.user_references > 1) {
            // The name keeps a right; the message gets a copy (only send and dead names get here).
            e.user_references--;
            return right.copy();
        }
        // The name's own right leaves it.
        drop_request(index, true);
        if ((e.bits & kSend) && !(e.bits & kReceive))
            hash_remove(index);
        e.bits &= ~(kSend | kPayload | kSendOnce | kDeadName);
        e.user_references = 0;
        after_change(index);
        return right;
    case Disposition::none: break;
    }
    ASSERT(false);
    return {};
}

Result<PortName> NameSpace::put_right(CarriedRight right)
{
    switch (right.kind) {
    case CarriedRight::Kind::none: return mach::kNullName;
    case CarriedRight::Kind::dead_name: return mach::kDeadName;
    case CarriedRight::Kind::send:
    case CarriedRight::Kind::send_once:
        if (right.port->dead()) {
            right.consume();
            return mach::kDeadName;
        }
        break;
    case CarriedRight::Kind::receive: break;
    }
    void* object = right.record ? static_cast<void*>(right.record) : static_cast<void*>(right.port);
    if (right.kind != CarriedRight::Kind::send_once) {
        if (uint32_t index = find(object)) {
            Entry& e = m_entries[index];
            PortName name = name_at(index, e.generation);
            if (right.kind == CarriedRight::Kind::receive) {
                e.bits |= kReceive;
                right.port->set_receiver(this);
            } else if (!(e.bits & kSend)) {
                e.bits |= kSend;
                e.user_references = 1;
            } else if (e.user_references < kMaxUserReferences) {
                e.user_references++;
                right.consume(); // the name holds one kernel right however many references it has
            } else {
                right.consume(); // saturated: the extra reference is dropped
            }
            return name;
        }
    }
    Result<uint32_t> created = new_entry();
    if (!created.ok()) {
        right.release();
        return created.error();
    }
    install(created.value(), right);
    return name_at(created.value(), m_entries[created.value()].generation);
}

void NameSpace::install(uint32_t index, CarriedRight right)
{
    Entry& e = m_entries[index];
    e.object = right.record ? static_cast<void*>(right.record) : static_cast<void*>(right.port);
    e.user_references = 1;
    switch (right.kind) {
    case CarriedRight::Kind::receive:
        e.bits = kReceive;
        e.user_references = 0;
        right.port->set_receiver(this);
        hash_insert(index);
        break;
    case CarriedRight::Kind::send:
        e.bits = kSend | (right.record ? kPayload : 0);
        hash_insert(index);
        break;
    case CarriedRight::Kind::send_once: e.bits = kSendOnce; break;
    case CarriedRight::Kind::dead_name:
        e.object = nullptr;
        e.bits = kDeadName;
        break;
    case CarriedRight::Kind::none: ASSERT(false);
    }
}

void NameSpace::use_send_once(PortName name)
{
    uint32_t index = name >> 8;
    Entry& e = m_entries[index];
    ASSERT(index < m_used && e.generation == uint8_t(name) && (e.bits & kSendOnce));
    Port* port = static_cast<Port*>(e.object);
    drop_request(index, true);
    free_entry(index);
    port->release_send_once_right();
}

PortName NameSpace::put_send_once(Port& port)
{
    Result<uint32_t> index = new_entry();
    ASSERT(index.ok()); // reserve(1) made room
    Entry& e = m_entries[index.value()];
    e.object = &port;
    e.user_references = 1;
    e.bits = kSendOnce;
    return name_at(index.value(), e.generation);
}

PortName NameSpace::name_of_receive_right(const Port& port) const
{
    uint32_t index = find(&port);
    if (!index || !(m_entries[index].bits & kReceive))
        return mach::kNullName;
    return name_at(index, m_entries[index].generation);
}

} // namespace ipc
