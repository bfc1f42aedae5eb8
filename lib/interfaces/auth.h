// The auth interface: identities, and proving one to a server.
//
// An auth *handle* is a send right to the auth server minted with a payload
// that names an identity (user and group ids). Holding the handle is being
// that user: a program gets it from its parent (exec::InitPorts) and never
// shows it to anyone else.
//
// Proving an identity to a server (a file system, say) without handing
// the server the handle: the user makes a *rendezvous* port, vouches for
// whoever presents it (Vouch, through the handle), and sends a send right
// to it to the server with its request (io Reauthenticate). The server
// asks auth who vouched for that port (Verify) and gets the ids. A vouch
// is used once, and is dropped when the rendezvous port dies.
//
// The plain right (no payload) to auth's port is the one startup holds: it
// speaks for root.
#pragma once

#include <interfaces/stat.h>
#include <rpc/wire.h>

namespace auth {

constexpr uint32_t kBase = 24000;

using Ids = fs::Credentials;

// The ids of the handle the request came through.
struct GetIds : rpc::Operation<kBase + 1> {
    using Request = rpc::Empty;
    struct alignas(8) Reply {
        Ids ids;
    };
};

// A new handle for `ids`. Root may make any; another user only ids it has
// (dropping to its own uid or gid), else permission_denied.
struct MakeHandle : rpc::Operation<kBase + 2, 0, 1> {
    struct alignas(8) Request {
        Ids ids;
    };
    using Reply = rpc::Empty;
};

// Vouches, for the handle's ids, for whoever presents the rendezvous port
// in the request (a send right to a port the user made). busy if that
// port is already vouched for.
struct Vouch : rpc::Operation<kBase + 3, 1> {
    using Request = rpc::Empty;
    using Reply = rpc::Empty;
};

// The ids vouched for the rendezvous port in the request (which a client
// sent the caller), and the vouch is used up; not_found if nobody vouched.
struct Verify : rpc::Operation<kBase + 4, 1> {
    using Request = rpc::Empty;
    struct alignas(8) Reply {
        Ids ids;
    };
};

} // namespace auth
