// The auth server over the host kernel: handles, who may make which, and
// the vouch/verify rendezvous by which a user proves an identity to a
// server without handing it the handle.
#include <auth/client.h>
#include <catch.hpp>
#include <interfaces/auth.h>
#include <rpc/client.h>
#include <runtime/mach.h>
#include <support/auth_task.h>
#include <support/host_kernel.h>

using auth::client::make_handle;
using mach::Disposition;
using mach::PortName;
using test_support::ActAs;
using test_support::AuthTask;
using test_support::HostKernel;
using test_support::HostTask;

namespace {

constexpr auth::Ids kRoot { 0, 0 };
constexpr auth::Ids kAlice { 1000, 100 };
constexpr auth::Ids kBob { 1001, 100 };

auth::Ids ids_of(PortName handle)
{
    auth::GetIds::Reply reply {};
    REQUIRE(rpc::call<auth::GetIds>(handle, {}, reply) == Error::none);
    return reply.ids;
}

// Vouches through `handle` for `rendezvous` (a receive right of the
// caller's) to the server reached through `server` (a send right).
Error vouch(PortName handle, PortName rendezvous, PortName server)
{
    rpc::Rights<2> give;
    give[auth::Vouch::kRendezvous] = { rendezvous, Disposition::make_send };
    give[auth::Vouch::kServer] = { server, Disposition::copy_send };
    auth::Vouch::Reply reply {};
    return rpc::call<auth::Vouch>(handle, {}, reply, give);
}

// What Verify told a server: the ids, and whether the vouch was meant for
// it (the right auth handed back is a plain right to `service`).
struct Verified {
    auth::Ids ids;
    bool meant_for_us;
};

Result<Verified> verify(PortName auth_right, HostTask& server, PortName rendezvous, PortName service,
    Disposition how = Disposition::copy_send)
{
    rpc::Rights<1> give;
    give[0] = { rendezvous, how };
    rpc::Rights<1> got;
    auth::Verify::Reply reply {};
    TRY_STATUS(rpc::call<auth::Verify>(auth_right, {}, reply, give, &got));
    PortName receive = 0;
    uint64_t payload = 1;
    bool ours = mach::port_identify(server.task_name(), got[0].name, &receive, &payload) == Error::none
        && receive == service && payload == 0;
    REQUIRE(mach::port_deallocate(server.task_name(), got[0].name) == Error::none);
    return Verified { reply.ids, ours };
}

} // namespace

TEST_CASE("auth: root makes any handle; a user only its own ids")
{
    HostKernel kernel;
    AuthTask auth(kernel);
    HostTask& startup = kernel.create_task();
    ActAs as(startup);
    PortName plain = auth.plain_right_for(startup);
    CHECK(ids_of(plain) == kRoot.normalized());
    PortName alice = make_handle(plain, kAlice).value();
    CHECK(ids_of(alice) == kAlice.normalized());
    CHECK(ids_of(alice).real_uid == 1000); // Ids { uid, gid }: real and saved the same
    CHECK(make_handle(alice, kRoot).error() == Error::permission_denied);
    CHECK(make_handle(alice, kBob).error() == Error::permission_denied);
    CHECK(make_handle(alice, { kAlice.uid, 0 }).error() == Error::permission_denied);
    PortName again = make_handle(alice, kAlice).value();
    CHECK(ids_of(again) == kAlice.normalized());
    PortName root = make_handle(plain, kRoot).value();
    PortName bob = make_handle(root, kBob).value();
    CHECK(ids_of(bob) == kBob.normalized());
    CHECK(auth.server().identities() == 4);
    // A handle's identity goes with its last right.
    for (PortName handle : { alice, again, root, bob, plain })
        REQUIRE(mach::port_deallocate(startup.task_name(), handle) == Error::none);
}

TEST_CASE("auth: a server learns who vouched for a rendezvous port, once, and only that server")
{
    HostKernel kernel;
    AuthTask auth(kernel);
    HostTask& user = kernel.create_task();
    HostTask& server = kernel.create_task();
    HostTask& other = kernel.create_task(); // a server the user never meant
    PortName server_auth = auth.plain_right_for(server);
    PortName other_auth = auth.plain_right_for(other);
    PortName plain = auth.plain_right_for(user);
    PortName service = 0;
    PortName other_service = 0;
    {
        ActAs as(server);
        REQUIRE(mach::port_allocate(server.task_name(), mach::RightType::receive, &service) == Error::none);
    }
    {
        ActAs as(other);
        REQUIRE(mach::port_allocate(other.task_name(), mach::RightType::receive, &other_service) == Error::none);
    }
    PortName to_server = kernel.give_send_right(server, service, user);
    PortName rendezvous = 0;
    PortName at_server = 0;
    PortName alice = 0;
    {
        ActAs as(user);
        alice = make_handle(plain, kAlice).value();
        REQUIRE(mach::port_allocate(user.task_name(), mach::RightType::receive, &rendezvous) == Error::none);
        REQUIRE(vouch(alice, rendezvous, to_server) == Error::none);
        CHECK(vouch(alice, rendezvous, to_server) == Error::busy); // one vouch per port
        at_server = kernel.give_send_right(user, rendezvous, server);
    }
    {
        ActAs as(server);
        Result<Verified> who = verify(server_auth, server, at_server, service);
        REQUIRE(who.ok());
        CHECK(who.value().ids == kAlice.normalized());
        CHECK(who.value().meant_for_us);
        CHECK(verify(server_auth, server, at_server, service).error() == Error::not_found); // used up
        // A port nobody vouched for.
        PortName stranger = 0;
        REQUIRE(mach::port_allocate(server.task_name(), mach::RightType::receive, &stranger) == Error::none);
        CHECK(verify(server_auth, server, stranger, service, Disposition::make_send).error() == Error::not_found);
        REQUIRE(mach::port_destroy(server.task_name(), stranger) == Error::none);
        // A rendezvous that is not a send right.
        auth::Verify::Reply reply {};
        rpc::Rights<1> give;
        REQUIRE(mach::port_allocate(server.task_name(), mach::RightType::receive, &stranger) == Error::none);
        give[0] = { stranger, Disposition::make_send_once };
        CHECK(rpc::call<auth::Verify>(server_auth, {}, reply, give) == Error::not_found);
        REQUIRE(mach::port_destroy(server.task_name(), stranger) == Error::none);
    }
    {
        // The server replays a rendezvous port at another server: that one
        // sees the vouch was meant for someone else.
        ActAs as(user);
        REQUIRE(vouch(alice, rendezvous, to_server) == Error::none);
    }
    PortName replayed = kernel.move_right(server, at_server, other, Disposition::copy_send);
    {
        ActAs as(other);
        Result<Verified> who = verify(other_auth, other, replayed, other_service);
        REQUIRE(who.ok());
        CHECK_FALSE(who.value().meant_for_us);
        REQUIRE(mach::port_deallocate(other.task_name(), replayed) == Error::none);
    }
    {
        ActAs as(server);
        REQUIRE(mach::port_deallocate(server.task_name(), at_server) == Error::none);
        REQUIRE(mach::port_deallocate(server.task_name(), server_auth) == Error::none);
    }
    ActAs as(user);
    // A vouch whose port dies is dropped.
    REQUIRE(vouch(alice, rendezvous, to_server) == Error::none);
    CHECK(auth.server().vouches() == 1);
    REQUIRE(mach::port_destroy(user.task_name(), rendezvous) == Error::none);
    auth.settle();
    CHECK(auth.server().vouches() == 0);
    REQUIRE(mach::port_deallocate(user.task_name(), to_server) == Error::none);
    REQUIRE(mach::port_deallocate(user.task_name(), alice) == Error::none);
    REQUIRE(mach::port_deallocate(user.task_name(), plain) == Error::none);
    {
        ActAs as_server(server);
        REQUIRE(mach::port_destroy(server.task_name(), service) == Error::none);
    }
    ActAs as_other(other);
    REQUIRE(mach::port_destroy(other.task_name(), other_service) == Error::none);
    REQUIRE(mach::port_deallocate(other.task_name(), other_auth) == Error::none);
}

TEST_CASE("auth: garbage and wrong rights get errors")
{
    HostKernel kernel;
    AuthTask auth(kernel);
    HostTask& user = kernel.create_task();
    ActAs as(user);
    PortName plain = auth.plain_right_for(user);
    // Vouch without a send right: a send-once right is refused.
    PortName port = 0;
    REQUIRE(mach::port_allocate(user.task_name(), mach::RightType::receive, &port) == Error::none);
    PortName server = 0; // a port standing for a server, with a send right to it
    REQUIRE(mach::port_allocate(user.task_name(), mach::RightType::receive, &server) == Error::none);
    REQUIRE(mach::port_insert_right(user.task_name(), server, server, Disposition::make_send) == Error::none);
    rpc::Rights<2> give;
    give[0] = { port, Disposition::make_send_once };
    give[1] = { server, Disposition::make_send };
    auth::Vouch::Reply reply {};
    CHECK(rpc::call<auth::Vouch>(plain, {}, reply, give) == Error::invalid_right);
    // Vouch without naming a server.
    rpc::Rights<2> alone;
    alone[0] = { port, Disposition::make_send };
    CHECK(rpc::call<auth::Vouch>(plain, {}, reply, alone) == Error::invalid_right);
    // A port that would vouch for itself.
    rpc::Rights<2> itself;
    itself[0] = { port, Disposition::make_send };
    itself[1] = { port, Disposition::make_send };
    CHECK(rpc::call<auth::Vouch>(plain, {}, reply, itself) == Error::invalid_argument);
    // Ids nobody can have.
    CHECK(make_handle(plain, { auth::kSameAsEffective, 0 }).error() == Error::invalid_argument);
    auth::Ids too_many = kAlice;
    too_many.group_count = auth::kMaxGroups + 1;
    CHECK(make_handle(plain, too_many).error() == Error::invalid_argument);
    // An operation auth does not have.
    struct Unknown : rpc::Operation<24999> {
        using Request = rpc::Empty;
        using Reply = rpc::Empty;
    };
    Unknown::Reply none {};
    CHECK(rpc::call<Unknown>(plain, {}, none) == Error::not_supported);
    // Each user's vouches are bounded, and one user's do not use up another's.
    PortName alice = make_handle(plain, kAlice).value();
    PortName bob = make_handle(plain, kBob).value();
    PortName ports[auth::kMaxVouchesPerClient + 2];
    for (PortName& each : ports) {
        REQUIRE(mach::port_allocate(user.task_name(), mach::RightType::receive, &each) == Error::none);
    }
    for (uint32_t i = 0; i < auth::kMaxVouchesPerClient; i++)
        REQUIRE(vouch(alice, ports[i], server) == Error::none);
    CHECK(vouch(alice, ports[auth::kMaxVouchesPerClient], server) == Error::no_space);
    CHECK(vouch(bob, ports[auth::kMaxVouchesPerClient], server) == Error::none);
    CHECK(vouch(plain, ports[auth::kMaxVouchesPerClient + 1], server) == Error::none);
    for (PortName each : ports)
        REQUIRE(mach::port_destroy(user.task_name(), each) == Error::none);
    REQUIRE(mach::port_destroy(user.task_name(), port) == Error::none);
    REQUIRE(mach::port_destroy(user.task_name(), server) == Error::none);
    REQUIRE(mach::port_deallocate(user.task_name(), alice) == Error::none);
    REQUIRE(mach::port_deallocate(user.task_name(), bob) == Error::none);
    REQUIRE(mach::port_deallocate(user.task_name(), plain) == Error::none);
}

TEST_CASE("auth: may_become keeps to the ids a user holds, as setuid needs")
{
    using auth::Ids;
    Ids alice = kAlice.normalized();
    // A set-user-id root program run by alice: effective 0, real 1000.
    Ids setuid_root = Ids { 0, 100 }.normalized();
    setuid_root.real_uid = 1000;
    Ids dropped = setuid_root; // seteuid(1000): root is still held as the saved uid
    dropped.uid = 1000;
    Ids back = dropped; // seteuid(0) again
    back.uid = 0;
    CHECK(auth::may_become(setuid_root, alice));
    CHECK(auth::may_become(dropped, back));
    CHECK_FALSE(auth::may_become(alice, back));
    // Groups: only those held, and dropping them is fine.
    Ids grouped = alice;
    grouped.group_count = 2;
    grouped.groups[0] = 24;
    grouped.groups[1] = 25;
    Ids fewer = grouped;
    fewer.group_count = 1;
    fewer.groups[1] = 0;
    Ids egid_from_group = alice;
    egid_from_group.gid = 24;
    CHECK(auth::may_become(grouped, fewer));
    CHECK(auth::may_become(grouped, egid_from_group));
    CHECK_FALSE(auth::may_become(fewer, grouped));
    CHECK_FALSE(auth::may_become(alice, egid_from_group));
    // Real or saved ids are held as much as the effective ones.
    Ids other_real = alice;
    other_real.real_uid = 1001;
    CHECK_FALSE(auth::may_become(alice, other_real));
}
