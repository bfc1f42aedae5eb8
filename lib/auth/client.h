// The client's side of the auth server (lib/interfaces/auth.h). Proving
// an identity to a server is with_rendezvous (fs::client::reauthenticate
// and the C library's reboot use it); the server's side is
// auth::server::verify (lib/auth/server.h).
#pragma once

#include <freestanding/result.h>
#include <interfaces/auth.h>
#include <rpc/client.h>
#include <runtime/mach.h>

namespace auth::client {

// A new handle for `ids`, asked for through the handle `through` (root's
// may make any; another only its own ids: permission_denied).
inline Result<mach::PortName> make_handle(mach::PortName through, Ids ids)
{
    rpc::Rights<1> got;
    MakeHandle::Reply reply {};
    TRY_STATUS(rpc::call<MakeHandle>(through, { ids }, reply, {}, &got));
    return got[0].name;
}

// Proves the identity of `handle` to the server reached through `server`
// (a send right of the caller's, the one its request will go through):
// calls ask(rendezvous) with a send right (make_send of a new receive
// right of the caller's) to a rendezvous port auth vouched for, for that
// server alone; `ask` sends it to the server with its request, and the
// server asks auth (Verify) who vouched. The port is destroyed
// afterwards, which also drops a vouch the server never used. Returns
// what `ask` returned.
template <typename Ask> Error with_rendezvous(mach::PortName handle, mach::PortName server, Ask ask)
{
    mach::SelfPorts self {};
    TRY_STATUS(mach::self_ports(&self));
    mach::PortName rendezvous = mach::kNullName;
    TRY_STATUS(mach::port_allocate(self.task, mach::RightType::receive, &rendezvous));
    rpc::Right right { rendezvous, mach::Disposition::make_send };
    rpc::Rights<2> give;
    give[Vouch::kRendezvous] = right;
    give[Vouch::kServer] = { server, mach::Disposition::copy_send };
    Vouch::Reply vouched {};
    Error status = rpc::call<Vouch>(handle, {}, vouched, give);
    if (status == Error::none)
        status = ask(right);
    (void)mach::port_destroy(self.task, rendezvous);
    return status;
}

} // namespace auth::client
