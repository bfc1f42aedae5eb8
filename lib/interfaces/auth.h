// The auth interface: identities, and proving one to a server.
//
// An auth *handle* is a send right to the auth server minted with a payload
// that names an identity (user and group ids). Holding the handle is being
// that user: a program gets it from its parent (exec::InitPorts) and never
// shows it to anyone else.
//
// Proving an identity to a server (a file system, say) without handing
// the server the handle: the user makes a *rendezvous* port, vouches for
// whoever presents it (Vouch, through the handle) *to one server* — it
// names the send right it will send its request through — and sends a
// send right to the rendezvous port to that server with its request (io
// Reauthenticate). The server asks auth who vouched for that port
// (Verify) and gets the ids *and* the right the user named; it accepts
// the ids only if that right is one of its own, to the port and payload
// the request came through (port_identify; auth::server::verify does it
// all). So a server that replays the rendezvous port at another server
// gets nothing there: that server sees the vouch was meant for someone
// else (the bearer-token hole the Hurd closes with auth_user_authenticate
// and auth_server_authenticate meeting). A vouch is used once, and is dropped
// when the rendezvous port dies. Each handle's identity may have at most
// kMaxVouchesPerClient vouches waiting, so one user cannot use up
// everyone's.
//
// The plain right (no payload) to auth's port is the one startup holds: it
// speaks for root.
#pragma once

#include <interfaces/stat.h>
#include <rpc/wire.h>

namespace auth {

constexpr uint32_t kBase = 24000;

// The most supplementary groups a handle holds (NGROUPS_MAX of the C library).
constexpr uint32_t kMaxGroups = 16;
// An id field left to mean "the same as the effective one" (Ids below).
constexpr uint32_t kSameAsEffective = 0xffffffffu;

// Who a handle speaks for, as POSIX keeps it for a process. The base is
// the *effective* user and group, what a file system checks (it keeps
// only those: fs::Credentials); then the real and saved ids, and the
// supplementary groups. `Ids { uid, gid }` leaves the rest kSameAsEffective
// with no supplementary groups: real = saved = effective, so that a handle
// made for one uid never carries another by accident. auth answers ids
// normalized (every field filled in, unused groups zero).
struct Ids : fs::Credentials {
    uint32_t real_uid = kSameAsEffective;
    uint32_t real_gid = kSameAsEffective;
    uint32_t saved_uid = kSameAsEffective;
    uint32_t saved_gid = kSameAsEffective;
    uint32_t group_count = 0;
    uint32_t groups[kMaxGroups] = {};

    // These ids with every kSameAsEffective field set to the effective id.
    constexpr Ids normalized() const
    {
        Ids out = *this;
        out.real_uid = real_uid == kSameAsEffective ? uid : real_uid;
        out.real_gid = real_gid == kSameAsEffective ? gid : real_gid;
        out.saved_uid = saved_uid == kSameAsEffective ? uid : saved_uid;
        out.saved_gid = saved_gid == kSameAsEffective ? gid : saved_gid;
        for (uint32_t i = group_count; i < kMaxGroups; i++)
            out.groups[i] = 0; // unused: equal ids compare equal
        return out;
    }
    // Whether they make sense: ids are not (uid_t)-1 (after normalizing)
    // and at most kMaxGroups groups.
    constexpr bool valid() const
    {
        return uid != kSameAsEffective && gid != kSameAsEffective && group_count <= kMaxGroups;
    }
    // Whether `id` is the effective, real or saved uid.
    constexpr bool holds_uid(uint32_t id) const { return id == uid || id == real_uid || id == saved_uid; }
    // Whether `id` is the effective, real or saved gid or a supplementary group.
    constexpr bool holds_gid(uint32_t id) const
    {
        if (id == gid || id == real_gid || id == saved_gid)
            return true;
        for (uint32_t i = 0; i < group_count && i < kMaxGroups; i++) {
            if (groups[i] == id)
                return true;
        }
        return false;
    }
    bool operator==(const Ids&) const = default;
};

// The ids of the handle the request came through.
struct GetIds : rpc::Operation<kBase + 1> {
    using Request = rpc::Empty;
    struct alignas(8) Reply {
        Ids ids;
    };
};

// A new handle for `ids` (normalized). Root (effective uid 0) may make
// any; another user only ids it holds: every uid among its effective,
// real and saved uids, every gid and group among its gids and groups
// (may_become in servers/auth), else permission_denied. invalid_argument
// for ids that are not valid().
struct MakeHandle : rpc::Operation<kBase + 2, 0, 1> {
    struct alignas(8) Request {
        Ids ids;
    };
    using Reply = rpc::Empty;
};

// The most vouches waiting for one identity (the uid they speak for).
constexpr uint32_t kMaxVouchesPerClient = 16;

// Vouches, for the handle's ids, for whoever presents the rendezvous port
// (rights[0]: a send right to a port the user made) *and* names the server
// of rights[1] (a copy of the send right the user will send its request
// through). busy if that port is already vouched for, no_space past
// kMaxVouchesPerClient for these ids (or auth's table), invalid_right
// without the two send rights.
struct Vouch : rpc::Operation<kBase + 3, 2> {
    static constexpr uint32_t kRendezvous = 0;
    static constexpr uint32_t kServer = 1;
    using Request = rpc::Empty;
    using Reply = rpc::Empty;
};

// The ids vouched for the rendezvous port of the request's one right
// (which a client sent the caller), and in the reply's one right the
// server right the voucher named; the vouch is used up. The caller must
// check that right is its own (auth::server::verify) before it trusts the
// ids. not_found if nobody vouched.
struct Verify : rpc::Operation<kBase + 4, 1, 1> {
    using Request = rpc::Empty;
    struct alignas(8) Reply {
        Ids ids;
    };
};

} // namespace auth
