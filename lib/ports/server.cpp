#include <ports/server.h>
#include <runtime/mach.h>

namespace ports {
namespace {

// Whole pages for a T.
template <typename T> constexpr uint64_t pages_for() { return (sizeof(T) + 4095) & ~uint64_t(4095); }

// A message-sized buffer from the kernel (too big for a thread's stack).
template <typename T> T* allocate_buffer(mach::PortName task)
{
    uint64_t address = 0;
    if (mach::vm_allocate(task, &address, pages_for<T>(), mach::kVmAnywhere) != Error::none)
        return nullptr;
    return reinterpret_cast<T*>(address);
}

template <typename T> void free_buffer(mach::PortName task, T* buffer)
{
    if (buffer)
        (void)mach::vm_deallocate(task, reinterpret_cast<uint64_t>(buffer), pages_for<T>());
}

const mach::NotificationBody& notification_body(const mach::MessageHeader& message)
{
    return *reinterpret_cast<const mach::NotificationBody*>(&message + 1);
}

} // namespace

namespace {

// A receive right in the server's set.
Result<mach::PortName> new_member(mach::PortName task, mach::PortName set)
{
    mach::PortName port = mach::kNullName;
    if (Error e = mach::port_allocate(task, mach::RightType::receive, &port); e != Error::none)
        return e;
    if (Error e = mach::port_move_member(task, port, set); e != Error::none) {
        (void)mach::port_destroy(task, port);
        return e;
    }
    return port;
}

} // namespace

Error Server::open()
{
    mach::SelfPorts self {};
    if (Error e = mach::self_ports(&self); e != Error::none)
        return e;
    m_task = self.task;
    TRY_STATUS(mach::port_allocate(m_task, mach::RightType::port_set, &m_set));
    Result<mach::PortName> wake = new_member(m_task, m_set);
    if (!wake.ok())
        return wake.error();
    m_wake = wake.value();
    TRY_STATUS(mach::port_extract_right(m_task, m_wake, mach::Disposition::make_send, &m_wake_sender));
    return mach::port_set_queue_limit(m_task, m_wake, kMaxWorkers);
}

void Server::close()
{
    for (uint32_t i = 0; i < m_port_count; i++) {
        (void)mach::port_destroy(m_task, m_ports[i].name);
        (void)mach::port_destroy(m_task, m_ports[i].notify);
    }
    m_port_count = 0;
    if (m_wake_sender != mach::kNullName)
        (void)mach::port_deallocate(m_task, m_wake_sender);
    if (m_wake != mach::kNullName)
        (void)mach::port_destroy(m_task, m_wake);
    m_wake = m_wake_sender = mach::kNullName;
    if (m_set != mach::kNullName)
        (void)mach::port_destroy(m_task, m_set);
    m_set = mach::kNullName;
}

// ---- the lock: short critical sections; a waiter lets the holder run ----

void Server::lock()
{
    while (__atomic_test_and_set(&m_locked, __ATOMIC_ACQUIRE))
        (void)mach::thread_yield();
}

void Server::unlock() { __atomic_clear(&m_locked, __ATOMIC_RELEASE); }

// ---- ports ----

Result<mach::PortName> Server::add_port(Receiver& receiver)
{
    mach::PortName port = mach::kNullName;
    if (Error e = mach::port_allocate(m_task, mach::RightType::receive, &port); e != Error::none)
        return e;
    if (Error e = adopt_port(port, receiver); e != Error::none) {
        (void)mach::port_destroy(m_task, port);
        return e;
    }
    return port;
}

Error Server::adopt_port(mach::PortName port, Receiver& receiver)
{
    if (m_port_count == kMaxPorts)
        return Error::no_space;
    Result<mach::PortName> notify = new_member(m_task, m_set);
    if (!notify.ok())
        return notify.error();
    mach::PortName previous = mach::kNullName;
    Error armed = mach::port_request_notification(m_task, port, mach::NotificationKind::payload_no_senders,
        notify.value(), mach::Disposition::make_send, &previous);
    if (armed == Error::none)
        armed = mach::port_move_member(m_task, port, m_set);
    if (armed != Error::none) {
        (void)mach::port_destroy(m_task, notify.value());
        return armed;
    }
    lock();
    m_ports[m_port_count++] = { port, notify.value(), &receiver };
    unlock();
    return Error::none;
}

void Server::remove_port(mach::PortName port)
{
    PortEntry removed {};
    lock();
    for (uint32_t i = 0; i < m_port_count; i++) {
        if (m_ports[i].name == port) {
            removed = m_ports[i];
            m_ports[i] = m_ports[--m_port_count];
            break;
        }
    }
    unlock();
    if (removed.name == mach::kNullName)
        return;
    (void)mach::port_destroy(m_task, removed.name);
    (void)mach::port_destroy(m_task, removed.notify);
}

bool Server::find(mach::PortName port, PortEntry& entry, bool& notification)
{
    bool found = false;
    lock();
    for (uint32_t i = 0; i < m_port_count && !found; i++) {
        if (m_ports[i].name == port || m_ports[i].notify == port) {
            entry = m_ports[i];
            notification = m_ports[i].notify == port;
            found = true;
        }
    }
    unlock();
    return found;
}

Result<mach::PortName> Server::make_send(mach::PortName port, uint64_t payload)
{
    mach::PortName send = mach::kNullName;
    if (Error e = mach::port_make_send_with_payload(m_task, port, payload, &send); e != Error::none)
        return e;
    return send;
}

// Asks for a `kind` notification about `name`, delivered to the notification port of `port`.
Error Server::request_notification(mach::PortName name, mach::NotificationKind kind, mach::PortName port)
{
    PortEntry entry {};
    bool notification = false;
    if (!find(port, entry, notification) || notification)
        return Error::invalid_name;
    mach::PortName previous = mach::kNullName;
    Error e = mach::port_request_notification(
        m_task, name, kind, entry.notify, mach::Disposition::make_send_once, &previous);
    if (previous != mach::kNullName)
        (void)mach::port_deallocate(m_task, previous);
    return e;
}

Error Server::watch_senders(mach::PortName port)
{
    return request_notification(port, mach::NotificationKind::no_senders, port);
}

Error Server::watch_death(mach::PortName name, mach::PortName port)
{
    return request_notification(name, mach::NotificationKind::dead_name, port);
}

// ---- the receive loop ----

void Server::handle_notification(Receiver& receiver, mach::MessageHeader& message, uint32_t worker)
{
    const mach::NotificationBody& body = notification_body(message);
    switch (static_cast<mach::NotificationKind>(message.id)) {
    case mach::NotificationKind::payload_no_senders:
        // Requests that came after this release (a poll after a close) wait for it.
        __atomic_store_n(&m_worker_releasing[worker], body.payload, __ATOMIC_SEQ_CST);
        quiesce(worker, body.payload);
        receiver.payload_released(body.payload);
        __atomic_store_n(&m_worker_releasing[worker], 0, __ATOMIC_SEQ_CST);
        break;
    case mach::NotificationKind::no_senders: receiver.no_senders(); break;
    case mach::NotificationKind::dead_name:
        receiver.dead_name(body.name);
        (void)mach::port_deallocate(m_task, body.name); // the dead name the request left
        break;
    default: break; // send_once, port_deleted: nothing to do
    }
}

void Server::handle(mach::MessageHeader& message, rpc::ReplyBuffer& reply, uint32_t worker)
{
    reply.size = 0;
    if (message.destination == m_wake) {
        rpc::release_carried(message); // it only woke this worker
        return;
    }
    PortEntry entry {};
    bool notification = false;
    if (!find(message.destination, entry, notification)) {
        rpc::refuse(message, Error::not_supported, reply); // a port removed meanwhile
        return;
    }
    if (!notification) {
        wait_for_releases(worker, message.payload);
        if (!entry.receiver->serve(message, reply))
            rpc::refuse(message, Error::not_supported, reply);
        return;
    }
    // Only the kernel can send here.
    if (message.size >= sizeof(mach::MessageHeader) + sizeof(mach::NotificationBody))
        handle_notification(*entry.receiver, message, worker);
    rpc::release_carried(message);
}

// Sends the answer in `out` and receives the next message into the same
// buffer. If the answer cannot go, it is given up (recover_unsent_reply:
// the client hears of it) and the receive is tried alone into `in`.
// `in` holds a message (size nonzero) after an error too if one arrived
// whose rights did not all fit in the server's space.
Error Server::answer_and_receive(rpc::ReplyBuffer*& in, rpc::ReplyBuffer*& out)
{
    if (out->size) {
        mach::PortName answer_to = out->header().destination;
        // The reply right is the client's choice: a plain send right to a
        // port whose queue is full must not hold the server, so the answer
        // never waits (a send-once right is always accepted anyway).
        Error status = mach::msg(
            &out->header(), mach::kSend | mach::kSendTimeout | mach::kReceive, out->size, sizeof(out->bytes), m_set, 0);
        out->size = 0;
        bool received = out->header().destination != answer_to; // a member port of the set, never a reply right
        if (status == Error::none || received) {
            rpc::ReplyBuffer* arrived = out;
            out = in;
            in = arrived;
            return status;
        }
        // Unless the set is going (a receive that failed after the answer
        // went), the send failed: the answer is given up, the client told.
        if (!__atomic_load_n(&m_shutting_down, __ATOMIC_ACQUIRE))
            rpc::detail::recover_unsent_reply(out->header(), status);
    }
    in->header().size = 0;
    return mach::msg(&in->header(), mach::kReceive, 0, sizeof(in->bytes), m_set);
}

// ---- several workers ----

uint32_t Server::workers() const
{
    uint32_t count = 0;
    for (const bool& active : m_worker_active)
        count += __atomic_load_n(&active, __ATOMIC_SEQ_CST) ? 1 : 0;
    return count;
}

uint32_t Server::claim_worker()
{
    for (uint32_t i = 0; i < kMaxWorkers; i++) {
        if (!__atomic_test_and_set(&m_worker_active[i], __ATOMIC_SEQ_CST))
            return i;
    }
    return kMaxWorkers;
}

void Server::send_wake()
{
    mach::MessageHeader wake {};
    wake.destination = m_wake_sender;
    wake.destination_disposition = mach::Disposition::copy_send;
    wake.size = sizeof(wake);
    // A full wake queue already wakes everyone who is blocked: never wait.
    (void)mach::msg(&wake, mach::kSend | mach::kSendTimeout, sizeof(wake), 0, mach::kNullName, 0);
}

void Server::quiesce(uint32_t worker, uint64_t payload)
{
    // This worker holds a notification, no request: a worker quiescing at
    // the same time must not wait for it (nor it for them).
    __atomic_store_n(&m_worker_quiescing[worker], true, __ATOMIC_SEQ_CST);
    uint64_t seen[kMaxWorkers] = {};
    uint32_t in_receive = 0;
    for (uint32_t i = 0; i < kMaxWorkers; i++) {
        seen[i] = __atomic_load_n(&m_worker_generation[i], __ATOMIC_SEQ_CST);
        if (i != worker && __atomic_load_n(&m_worker_active[i], __ATOMIC_SEQ_CST) && (seen[i] & 1))
            in_receive++;
    }
    // One wake per worker inside its receive call: one blocked there takes
    // a wake and comes out; one that already holds a message comes out by
    // itself (a wake left over is taken later, and ignored).
    for (uint32_t i = 0; i < in_receive; i++)
        send_wake();
    for (uint32_t i = 0; i < kMaxWorkers; i++) {
        if (i != worker)
            wait_for_worker(i, seen[i], payload);
    }
    __atomic_store_n(&m_worker_quiescing[worker], false, __ATOMIC_SEQ_CST);
}

bool Server::may_hold(uint32_t i, uint64_t seen, uint64_t payload) const
{
    if (!__atomic_load_n(&m_worker_active[i], __ATOMIC_SEQ_CST)
        || __atomic_load_n(&m_worker_quiescing[i], __ATOMIC_SEQ_CST))
        return false; // gone, or holding a notification
    uint64_t now = __atomic_load_n(&m_worker_generation[i], __ATOMIC_SEQ_CST);
    if (now == seen && (seen & 1))
        return true; // still in its receive call: it may have taken the request there
    // Handling what it held then, or — seen in its receive call — what it
    // took there: a request through the payload released keeps it waiting.
    bool handling_then = now == seen || ((seen & 1) && now == seen + 1);
    if (!handling_then)
        return false; // it went back to receive since: anything it held then is done
    uint64_t holding = __atomic_load_n(&m_worker_payload[i], __ATOMIC_SEQ_CST);
    return holding == payload && __atomic_load_n(&m_worker_generation[i], __ATOMIC_SEQ_CST) == now;
}

void Server::wait_for_releases(uint32_t worker, uint64_t payload)
{
    // A release of the request's own object waits for this request (quiesce): never the reverse.
    for (uint32_t i = 0; i < kMaxWorkers; i++) {
        if (i == worker)
            continue;
        for (;;) {
            uint64_t releasing = __atomic_load_n(&m_worker_releasing[i], __ATOMIC_SEQ_CST);
            if (releasing == 0 || releasing == payload)
                break;
            (void)mach::thread_yield();
        }
    }
}

void Server::wait_for_worker(uint32_t i, uint64_t seen, uint64_t payload)
{
    for (uint32_t spins = 1; may_hold(i, seen, payload); spins++) {
        if (spins % 256 == 0 && __atomic_load_n(&m_worker_generation[i], __ATOMIC_SEQ_CST) == seen && (seen & 1))
            send_wake(); // another worker may have taken its wake
        (void)mach::thread_yield();
    }
}

Error Server::serve()
{
    uint32_t worker = claim_worker();
    if (worker == kMaxWorkers)
        return Error::busy;
    uint64_t& generation = m_worker_generation[worker];
    auto* in = allocate_buffer<rpc::ReplyBuffer>(m_task);
    auto* out = allocate_buffer<rpc::ReplyBuffer>(m_task);
    Error status = in && out ? Error::none : Error::no_memory;
    if (out)
        out->size = 0;
    for (uint32_t failures = 0; status == Error::none;) {
        __atomic_add_fetch(&generation, 1, __ATOMIC_SEQ_CST); // odd: in the receive call
        Error received = answer_and_receive(in, out);
        // What it holds, before it says it holds it (quiesce reads it then).
        uint64_t payload = received == Error::none ? in->header().payload : 0;
        __atomic_store_n(&m_worker_payload[worker], payload, __ATOMIC_SEQ_CST);
        __atomic_add_fetch(&generation, 1, __ATOMIC_SEQ_CST); // even: handling what came
        if (received == Error::none) {
            failures = 0;
            handle(in->header(), *out, worker);
        } else {
            status = after_failed_receive(received, in->header(), failures);
        }
    }
    free_buffer(m_task, in);
    free_buffer(m_task, out);
    bool asked = __atomic_load_n(&m_shutting_down, __ATOMIC_ACQUIRE);
    __atomic_clear(&m_worker_active[worker], __ATOMIC_SEQ_CST);
    return asked ? Error::none : status;
}

Error Server::after_failed_receive(Error received, mach::MessageHeader& message, uint32_t& failures)
{
    if (__atomic_load_n(&m_shutting_down, __ATOMIC_ACQUIRE))
        return received;
    if (message.size >= sizeof(mach::MessageHeader)) {
        // It came, but not all its rights fit: the sender gets no answer
        // (its reply right, if it arrived, is released: it sees port_dead).
        rpc::release_carried(message);
        return Error::none;
    }
    // One bad message never stops the server; a receive that fails every
    // time (the set is gone) does.
    if (++failures == kMaxFailedReceives)
        return received;
    (void)mach::thread_yield();
    return Error::none;
}

void Server::shut_down()
{
    __atomic_store_n(&m_shutting_down, true, __ATOMIC_RELEASE);
    // Its receive fails once the set is gone; the ports stay until close().
    lock();
    mach::PortName set = m_set;
    m_set = mach::kNullName;
    unlock();
    if (set != mach::kNullName)
        (void)mach::port_destroy(m_task, set);
}

} // namespace ports
