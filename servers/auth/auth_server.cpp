#include "auth_server.h"

#include <runtime/mach.h>

namespace auth {

bool may_become(const Ids& holder, const Ids& wanted)
{
    if (holder.is_root())
        return true;
    // Anyone may drop privileges, never gain them: only ids it holds.
    if (!holder.holds_uid(wanted.uid) || !holder.holds_uid(wanted.real_uid) || !holder.holds_uid(wanted.saved_uid))
        return false;
    if (!holder.holds_gid(wanted.gid) || !holder.holds_gid(wanted.real_gid) || !holder.holds_gid(wanted.saved_gid))
        return false;
    for (uint32_t i = 0; i < wanted.group_count; i++) {
        if (!holder.holds_gid(wanted.groups[i]))
            return false;
    }
    return true;
}

Error AuthServer::adopt(mach::PortName port)
{
    TRY_STATUS(m_server.adopt_port(port, *this));
    m_port = port;
    return Error::none;
}

bool AuthServer::serve(mach::MessageHeader& request, rpc::ReplyBuffer& reply)
{
    return rpc::Interface<GetIds, MakeHandle, Vouch, Verify>::dispatch(*this, request, reply);
}

Ids AuthServer::ids_of(uint64_t payload) const
{
    if (payload == 0)
        return Ids { 0, 0 }.normalized(); // startup's plain right
    return reinterpret_cast<const Identity*>(payload)->ids;
}

void AuthServer::payload_released(uint64_t payload)
{
    m_identities.destroy(reinterpret_cast<Identity*>(payload));
    m_identity_count--;
}

Error AuthServer::serve(GetIds, const rpc::Incoming<GetIds>& in, rpc::Outgoing<GetIds>& out)
{
    out.body.ids = ids_of(in.payload);
    return Error::none;
}

Error AuthServer::serve(MakeHandle, const rpc::Incoming<MakeHandle>& in, rpc::Outgoing<MakeHandle>& out)
{
    Ids wanted = in.body.ids.normalized();
    if (!wanted.valid())
        return Error::invalid_argument;
    if (!may_become(ids_of(in.payload), wanted))
        return Error::permission_denied;
    Identity* identity = TRY(m_identities.create(Identity { wanted }));
    Result<mach::PortName> handle = m_server.make_send(m_port, reinterpret_cast<uint64_t>(identity));
    if (!handle.ok()) {
        m_identities.destroy(identity);
        return handle.error();
    }
    m_identity_count++;
    out.rights[0] = { handle.value(), mach::Disposition::move_send };
    return Error::none;
}

uint32_t AuthServer::find_vouch(mach::PortName rendezvous) const
{
    for (uint32_t i = 0; i < m_vouch_count; i++) {
        if (m_vouches[i].rendezvous == rendezvous)
            return i;
    }
    return kMaxVouches;
}

void AuthServer::forget_vouch(uint32_t index) { m_vouches[index] = m_vouches[--m_vouch_count]; }

uint32_t AuthServer::vouches_of(uint32_t uid) const
{
    uint32_t count = 0;
    for (uint32_t i = 0; i < m_vouch_count; i++) {
        if (m_vouches[i].ids.uid == uid)
            count++;
    }
    return count;
}

Error AuthServer::serve(Vouch, const rpc::Incoming<Vouch>& in, rpc::Outgoing<Vouch>&)
{
    const rpc::Right& rendezvous = in.rights[Vouch::kRendezvous];
    const rpc::Right& server = in.rights[Vouch::kServer];
    Ids ids = ids_of(in.payload);
    Error status = Error::none;
    if (rendezvous.disposition != mach::Disposition::move_send || server.disposition != mach::Disposition::move_send)
        status = Error::invalid_right;
    else if (rendezvous.name == server.name)
        status = Error::invalid_argument; // a port cannot vouch for itself
    else if (find_vouch(rendezvous.name) != kMaxVouches)
        status = Error::busy; // one vouch per port: who it speaks for is never in doubt
    else if (m_vouch_count == kMaxVouches || vouches_of(ids.uid) >= kMaxVouchesPerClient)
        status = Error::no_space;
    else
        status = m_server.watch_death(rendezvous.name, m_port); // a port that dies takes its vouch along
    if (status != Error::none) {
        rpc::release(rendezvous);
        rpc::release(server);
        return status;
    }
    m_vouches[m_vouch_count++] = { rendezvous.name, server.name, ids };
    return Error::none;
}

Error AuthServer::serve(Verify, const rpc::Incoming<Verify>& in, rpc::Outgoing<Verify>& out)
{
    const rpc::Right& rendezvous = in.rights[0];
    // Send rights to one port share one name in our space: the right the
    // server sent names the vouch's port if it is the same port.
    uint32_t index = rendezvous.disposition == mach::Disposition::move_send ? find_vouch(rendezvous.name) : kMaxVouches;
    rpc::release(rendezvous);
    if (index == kMaxVouches)
        return Error::not_found;
    out.body.ids = m_vouches[index].ids;
    // Whom it was meant for: the server checks that it is itself.
    out.rights[0] = { m_vouches[index].server, mach::Disposition::move_send };
    rpc::release({ m_vouches[index].rendezvous, mach::Disposition::move_send });
    forget_vouch(index);
    return Error::none;
}

void AuthServer::dead_name(mach::PortName name)
{
    // The ports library drops the dead name itself.
    uint32_t index = find_vouch(name);
    if (index == kMaxVouches)
        return;
    rpc::release({ m_vouches[index].server, mach::Disposition::move_send });
    forget_vouch(index);
}

} // namespace auth
