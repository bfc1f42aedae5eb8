#include "parked_waits.h"

namespace proc {

void ParkedWaits::park(Process& waiter, int32_t pid, rpc::Deferred<Wait> reply)
{
    if (full())
        return; // the caller checked: `reply` is dropped, the client learns port_dead
    Parked& parked = m_waits[m_count++];
    parked.waiter = &waiter;
    parked.pid = pid;
    parked.reply = static_cast<rpc::Deferred<Wait>&&>(reply);
}

void ParkedWaits::remove(uint32_t index)
{
    for (uint32_t i = index; i + 1 < m_count; i++) {
        m_waits[i].waiter = m_waits[i + 1].waiter;
        m_waits[i].pid = m_waits[i + 1].pid;
        m_waits[i].reply = static_cast<rpc::Deferred<Wait>&&>(m_waits[i + 1].reply);
    }
    m_count--;
    m_waits[m_count].waiter = nullptr;
    m_waits[m_count].reply.drop();
}

void ParkedWaits::settle(ProcessTable& table, Process& waiter)
{
    uint32_t i = 0;
    while (i < m_count) {
        Parked& parked = m_waits[i];
        if (parked.waiter != &waiter) {
            i++;
            continue;
        }
        Result<Reaped> found = table.wait(waiter, parked.pid);
        if (found.ok() && found.value().pid == 0) {
            i++; // its children all still run
            continue;
        }
        if (found.ok())
            parked.reply.answer(Error::none, { found.value().pid, found.value().status });
        else
            parked.reply.answer(found.error());
        remove(i);
    }
}

void ParkedWaits::drop(Process& waiter)
{
    uint32_t i = 0;
    while (i < m_count) {
        if (m_waits[i].waiter == &waiter)
            remove(i);
        else
            i++;
    }
}

} // namespace proc
