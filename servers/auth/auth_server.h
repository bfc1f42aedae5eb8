// The auth server's one port: handles (send rights whose payload names an
// Identity) and the table of vouches waiting for a server to verify them
// (lib/interfaces/auth.h says how the two meet).
#pragma once

#include <heap/heap.h>
#include <interfaces/auth.h>
#include <ports/server.h>

namespace auth {

class AuthServer final : public ports::Receiver {
public:
    // Vouches waiting, for all users; each identity may have at most
    // kMaxVouchesPerClient of them (lib/interfaces/auth.h).
    static constexpr uint32_t kMaxVouches = 256;

    explicit AuthServer(ports::Server& server)
        : m_server(server)
    {
    }
    AuthServer(const AuthServer&) = delete;
    AuthServer& operator=(const AuthServer&) = delete;

    // Serves `port` (a receive right: auth's bootstrap port, whose plain
    // send rights speak for root).
    Error adopt(mach::PortName port);

    // Identities alive (one per payload with rights), and vouches waiting.
    uint32_t identities() const { return m_identity_count; }
    uint32_t vouches() const { return m_vouch_count; }

    // ---- ports::Receiver ----
    bool serve(mach::MessageHeader& request, rpc::ReplyBuffer& reply) override;
    void payload_released(uint64_t payload) override;
    void dead_name(mach::PortName name) override;

    Error serve(GetIds, const rpc::Incoming<GetIds>&, rpc::Outgoing<GetIds>&);
    Error serve(MakeHandle, const rpc::Incoming<MakeHandle>&, rpc::Outgoing<MakeHandle>&);
    Error serve(Vouch, const rpc::Incoming<Vouch>&, rpc::Outgoing<Vouch>&);
    Error serve(Verify, const rpc::Incoming<Verify>&, rpc::Outgoing<Verify>&);

private:
    struct Identity {
        Ids ids;
    };
    struct Pending {
        mach::PortName rendezvous; // our send right to it (one reference)
        mach::PortName server; // our send right to whom it is for (one reference)
        Ids ids;
    };

    // The ids a request through `payload` speaks for (root for the plain right).
    Ids ids_of(uint64_t payload) const;
    // The vouch for `rendezvous`, or kMaxVouches.
    uint32_t find_vouch(mach::PortName rendezvous) const;
    // Drops the entry (not its rights).
    void forget_vouch(uint32_t index);
    // Vouches waiting for the user `uid`.
    uint32_t vouches_of(uint32_t uid) const;

    ports::Server& m_server;
    mach::PortName m_port = mach::kNullName;
    heap::Cache<Identity> m_identities { "auth.identity" };
    uint32_t m_identity_count = 0;
    Pending m_vouches[kMaxVouches] = {};
    uint32_t m_vouch_count = 0;
};

// Whether `holder` may make a handle for `wanted` (both normalized).
bool may_become(const Ids& holder, const Ids& wanted);

} // namespace auth
