// The server's side of proving an identity (lib/interfaces/auth.h): a
// request carried a rendezvous port; the server asks auth who vouched for
// it, and checks the vouch was meant for it: for the port and payload the
// request came through.
#pragma once

#include <freestanding/result.h>
#include <interfaces/auth.h>
#include <rpc/client.h>
#include <runtime/mach.h>

namespace auth::server {

// Who vouched for `rendezvous` (a send right the request brought, moved
// to auth here on every path) to this server: `port` and `payload` are
// where the request arrived and the payload it came with (rpc::Incoming's
// port and payload), `task` the server's own task. Asks auth through
// `auth` (any handle) with `timeout_ns` (auth must not freeze the
// server). permission_denied if nobody vouched, or vouched for another
// server (a replay).
inline Result<Ids> verify(mach::PortName auth, mach::PortName task, const rpc::Right& rendezvous, mach::PortName port,
    uint64_t payload, uint64_t timeout_ns)
{
    if (rendezvous.disposition != mach::Disposition::move_send) {
        rpc::release(rendezvous);
        return Error::invalid_right;
    }
    rpc::Rights<1> give;
    give[0] = rendezvous;
    rpc::Rights<1> meant_for;
    Verify::Reply verified {};
    Error status = rpc::call<Verify>(auth, {}, verified, give, &meant_for, timeout_ns);
    if (status != Error::none)
        return status == Error::not_found ? Error::permission_denied : status;
    mach::PortName receive = mach::kNullName;
    uint64_t named_payload = 0;
    Error identified = mach::port_identify(task, meant_for[0].name, &receive, &named_payload);
    rpc::release(meant_for[0]);
    if (identified != Error::none || receive != port || named_payload != payload)
        return Error::permission_denied;
    return verified.ids;
}

} // namespace auth::server
