#include <freestanding/assert.h>
#include <ipc/account.h>
#include <ipc/memory.h>
#include <ipc/name_space.h>
#include <ipc/observer.h>
#include <ipc/port.h>
#include <ipc/port_set.h>

namespace ipc {

Result<PortSet*> PortSet::create(NameSpace& owner)
{
    TRY(owner.account().charge_object(Resource::port_sets));
    Result<PortSet*> set = memory::cache<PortSet>().create(owner);
    if (!set.ok()) {
        owner.account().uncharge_object(Resource::port_sets);
        return set.error();
    }
    memory::counters().port_sets++;
    return set.value();
}

void PortSet::destroy(PortSet* set)
{
    if (observer())
        observer()->set_destroyed(*set);
    while (set->m_first)
        set->remove(*set->m_first);
    Account& account = set->owner().account();
    memory::cache<PortSet>().destroy(set);
    memory::counters().port_sets--;
    account.uncharge_object(Resource::port_sets);
}

void PortSet::add(Port& port)
{
    if (port.set() == this)
        return;
    if (port.set())
        port.set()->remove(port);
    port.set_member_links(this, m_last, nullptr);
    if (m_last)
        m_last->set_member_links(this, m_last->previous_member(), &port);
    else
        m_first = &port;
    m_last = &port;
    // Messages already queued become receivable through the set.
    if (port.has_messages() && observer())
        observer()->message_queued(port);
}

void PortSet::remove(Port& port)
{
    ASSERT(port.set() == this);
    Port* previous = port.previous_member();
    Port* next = port.next_member();
    if (previous)
        previous->set_member_links(this, previous->previous_member(), next);
    else
        m_first = next;
    if (next)
        next->set_member_links(this, previous, next->next_member());
    else
        m_last = previous;
    port.set_member_links(nullptr, nullptr, nullptr);
}

Port* PortSet::next_ready() const
{
    for (Port* port = m_first; port; port = port->next_member()) {
        if (port->has_messages())
            return port;
    }
    return nullptr;
}

void PortSet::rotate_past(Port& port)
{
    if (&port == m_last)
        return;
    remove(port);
    port.set_member_links(this, m_last, nullptr);
    m_last->set_member_links(this, m_last->previous_member(), &port);
    m_last = &port;
}

} // namespace ipc
