// The client's side of the auth server (lib/interfaces/auth.h). Proving
// an identity to a file system is fs::client::reauthenticate.
#pragma once

#include <base/result.h>
#include <interfaces/auth.h>
#include <rpc/client.h>

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

} // namespace auth::client
