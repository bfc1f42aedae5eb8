#include <freestanding/assert.h>
#include <ipc/account.h>
#include <ipc/memory.h>
#include <ipc/message.h>
#include <ipc/name_space.h>
#include <ipc/notification.h>
#include <ipc/observer.h>
#include <ipc/port.h>
#include <ipc/port_set.h>

namespace ipc {
namespace {

// Ports whose receive right was destroyed and that have yet to die. Dying
// destroys the queue, which may hold more receive rights: handling them
// here, one after another, keeps a long chain of ports from overflowing
// the kernel stack.
Port* g_doomed = nullptr;
bool g_draining = false;

} // namespace

Result<Port*> Port::create(Account* account)
{
    if (account)
        TRY(account->charge_object(Resource::ports));
    Result<Port*> created = memory::cache<Port>().create();
    if (!created.ok()) {
        if (account)
            account->uncharge_object(Resource::ports);
        return created.error();
    }
    Port* port = created.value();
    port->m_references = 1; // the receive right
    port->m_account = account;
    memory::counters().ports++;
    return port;
}

Result<void> Port::set_queue_limit(uint32_t limit)
{
    if (limit == 0 || limit > mach::kMaxQueueLimit)
        return Error::invalid_argument;
    bool more_room = limit > m_queue_limit;
    m_queue_limit = limit;
    if (more_room && observer())
        observer()->queue_space(*this);
    return {};
}

Result<void> Port::enqueue(Message* message)
{
    if (m_dead)
        return Error::port_dead;
    if (m_kernel_type != KernelObject::none && observer()) {
        observer()->kernel_message(*this, message);
        return {};
    }
    if (m_queued >= m_queue_limit && !message->always_accepted())
        return Error::queue_full;
    message->set_next(nullptr);
    if (m_tail)
        m_tail->set_next(message);
    else
        m_head = message;
    m_tail = message;
    m_queued++;
    if (observer())
        observer()->message_queued(*this);
    return {};
}

Message* Port::dequeue()
{
    Message* message = m_head;
    if (!message)
        return nullptr;
    m_head = message->next();
    if (!m_head)
        m_tail = nullptr;
    message->set_next(nullptr);
    m_queued--;
    if (message->reply_lost_notice())
        m_reply_lost_notice = false;
    if (observer())
        observer()->queue_space(*this);
    return message;
}

void Port::release_send_right()
{
    ASSERT(m_send_rights > 0);
    m_send_rights--;
    check_no_senders();
    release();
}

void Port::payload_record_created()
{
    m_had_senders = true;
    m_payload_records++;
    m_references++;
}

void Port::payload_record_destroyed(uint64_t payload)
{
    ASSERT(m_payload_records > 0);
    m_payload_records--;
    if (!m_dead && m_payload_notify && !m_payload_notify->dead()) {
        m_payload_notify->make_send_once_right();
        send_notification(CarriedRight::send_once(*m_payload_notify), mach::NotificationKind::payload_no_senders,
            mach::kNullName, payload);
    }
    check_no_senders();
    release();
}

void Port::free()
{
    ASSERT(m_dead && !m_head && !m_set);
    Account* account = m_account;
    memory::cache<Port>().destroy(this);
    memory::counters().ports--;
    if (account)
        account->uncharge_object(Resource::ports);
}

void Port::set_receiver(NameSpace* space)
{
    m_receiver = space;
    m_in_transit_to = nullptr;
}

void Port::set_in_transit(Port* destination)
{
    m_receiver = nullptr;
    m_in_transit_to = destination;
}

NameSpace* Port::final_receiver() const
{
    // Copy-in refuses cycles (would_contain_itself), so the chain ends.
    const Port* port = this;
    while (port->m_in_transit_to)
        port = port->m_in_transit_to;
    return port->m_dead ? nullptr : port->m_receiver;
}

bool Port::would_contain_itself(const Port& carried) const
{
    // The message sits on this port. It is lost for good if this port's
    // receive right is (through any chain of messages) queued on `carried`.
    for (const Port* port = this; port; port = port->m_in_transit_to) {
        if (port == &carried)
            return true;
    }
    return false;
}

void Port::destroy_receive_right()
{
    ASSERT(!m_dead && !m_doomed);
    m_doomed = true;
    m_next_doomed = g_doomed;
    g_doomed = this;
    if (!g_draining)
        drain_doomed();
}

void Port::drain_doomed()
{
    g_draining = true;
    while (g_doomed) {
        Port* port = g_doomed;
        g_doomed = port->m_next_doomed;
        port->m_next_doomed = nullptr;
        port->die();
        port->release(); // the receive right's reference
    }
    g_draining = false;
}

void Port::die()
{
    m_dead = true;
    m_receiver = nullptr;
    m_in_transit_to = nullptr;
    leave_set();
    destroy_queue();
    fire_dead_name_requests();
    m_no_senders_notify.release();
    if (m_payload_notify) {
        m_payload_notify->release();
        m_payload_notify = nullptr;
    }
    if (observer())
        observer()->port_died(*this);
}

void Port::destroy_queue()
{
    while (Message* message = m_head) {
        m_head = message->next();
        m_queued--;
        Message::destroy(message);
    }
    m_tail = nullptr;
    m_reply_lost_notice = false;
}

void Port::leave_set()
{
    if (m_set)
        m_set->remove(*this);
}

void Port::set_member_links(PortSet* set, Port* previous, Port* next)
{
    m_set = set;
    m_previous_member = previous;
    m_next_member = next;
}

CarriedRight Port::set_no_senders_request(CarriedRight notify)
{
    CarriedRight previous = m_no_senders_notify;
    m_no_senders_notify = notify;
    return previous;
}

Port* Port::set_payload_notify(Port* notify)
{
    Port* previous = m_payload_notify;
    m_payload_notify = notify;
    return previous;
}

void Port::check_no_senders()
{
    if (m_dead || !m_had_senders || m_send_rights || m_payload_records || m_no_senders_notify.empty())
        return;
    CarriedRight notify = m_no_senders_notify;
    m_no_senders_notify = {};
    send_notification(notify, mach::NotificationKind::no_senders, mach::kNullName, 0);
}

void Port::add_dead_name_request(DeadNameRequest* request)
{
    request->next = m_dead_name_requests;
    m_dead_name_requests = request;
}

DeadNameRequest* Port::take_dead_name_request(const NameSpace& space, mach::PortName name)
{
    for (DeadNameRequest** link = &m_dead_name_requests; *link; link = &(*link)->next) {
        DeadNameRequest* request = *link;
        if (request->space == &space && request->name == name) {
            *link = request->next;
            request->next = nullptr;
            return request;
        }
    }
    return nullptr;
}

void Port::fire_dead_name_requests()
{
    while (DeadNameRequest* request = m_dead_name_requests) {
        m_dead_name_requests = request->next;
        request->space->forget_request(request->name);
        send_notification(request->notify, mach::NotificationKind::dead_name, request->name, 0);
        memory::cache<DeadNameRequest>().destroy(request);
        memory::counters().dead_name_requests--;
    }
}

void Port::set_kernel_object(KernelObject type, void* object)
{
    m_kernel_type = type;
    m_kernel_object = object;
}

} // namespace ipc
