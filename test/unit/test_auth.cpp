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

Error vouch(PortName handle, PortName rendezvous)
{
    rpc::Rights<1> give;
    give[0] = { rendezvous, Disposition::make_send };
    auth::Vouch::Reply reply {};
    return rpc::call<auth::Vouch>(handle, {}, reply, give);
}

Result<auth::Ids> verify(PortName auth_right, PortName rendezvous, Disposition how = Disposition::copy_send)
{
    rpc::Rights<1> give;
    give[0] = { rendezvous, how };
    auth::Verify::Reply reply {};
    TRY_STATUS(rpc::call<auth::Verify>(auth_right, {}, reply, give));
    return reply.ids;
}

} // namespace

TEST_CASE("auth: root makes any handle; a user only its own ids")
{
    HostKernel kernel;
    AuthTask auth(kernel);
    HostTask& startup = kernel.create_task();
    ActAs as(startup);
    PortName plain = auth.plain_right_for(startup);
    CHECK(ids_of(plain) == kRoot);
    PortName alice = make_handle(plain, kAlice).value();
    CHECK(ids_of(alice) == kAlice);
    CHECK(make_handle(alice, kRoot).error() == Error::permission_denied);
    CHECK(make_handle(alice, kBob).error() == Error::permission_denied);
    CHECK(make_handle(alice, { kAlice.uid, 0 }).error() == Error::permission_denied);
    PortName again = make_handle(alice, kAlice).value();
    CHECK(ids_of(again) == kAlice);
    PortName root = make_handle(plain, kRoot).value();
    PortName bob = make_handle(root, kBob).value();
    CHECK(ids_of(bob) == kBob);
    CHECK(auth.server().identities() == 4);
    // A handle's identity goes with its last right.
    for (PortName handle : { alice, again, root, bob, plain })
        REQUIRE(mach::port_deallocate(startup.task_name(), handle) == Error::none);
}

TEST_CASE("auth: a server learns who vouched for a rendezvous port, once")
{
    HostKernel kernel;
    AuthTask auth(kernel);
    HostTask& user = kernel.create_task();
    HostTask& server = kernel.create_task();
    PortName server_auth = auth.plain_right_for(server);
    PortName plain = auth.plain_right_for(user);
    PortName rendezvous = 0;
    PortName at_server = 0;
    PortName alice = 0;
    {
        ActAs as(user);
        alice = make_handle(plain, kAlice).value();
        REQUIRE(mach::port_allocate(user.task_name(), mach::RightType::receive, &rendezvous) == Error::none);
        REQUIRE(vouch(alice, rendezvous) == Error::none);
        CHECK(vouch(alice, rendezvous) == Error::busy); // one vouch per port
        at_server = kernel.give_send_right(user, rendezvous, server);
    }
    {
        ActAs as(server);
        Result<auth::Ids> who = verify(server_auth, at_server);
        REQUIRE(who.ok());
        CHECK(who.value() == kAlice);
        CHECK(verify(server_auth, at_server).error() == Error::not_found); // used up
        // A port nobody vouched for.
        PortName stranger = 0;
        REQUIRE(mach::port_allocate(server.task_name(), mach::RightType::receive, &stranger) == Error::none);
        CHECK(verify(server_auth, stranger, Disposition::make_send).error() == Error::not_found);
        REQUIRE(mach::port_destroy(server.task_name(), stranger) == Error::none);
        // A rendezvous that is not a send right.
        auth::Verify::Reply reply {};
        rpc::Rights<1> give;
        REQUIRE(mach::port_allocate(server.task_name(), mach::RightType::receive, &stranger) == Error::none);
        give[0] = { stranger, Disposition::make_send_once };
        CHECK(rpc::call<auth::Verify>(server_auth, {}, reply, give) == Error::not_found);
        REQUIRE(mach::port_destroy(server.task_name(), stranger) == Error::none);
        REQUIRE(mach::port_deallocate(server.task_name(), at_server) == Error::none);
        REQUIRE(mach::port_deallocate(server.task_name(), server_auth) == Error::none);
    }
    ActAs as(user);
    // A vouch whose port dies is dropped.
    REQUIRE(vouch(alice, rendezvous) == Error::none);
    CHECK(auth.server().vouches() == 1);
    REQUIRE(mach::port_destroy(user.task_name(), rendezvous) == Error::none);
    auth.settle();
    CHECK(auth.server().vouches() == 0);
    REQUIRE(mach::port_deallocate(user.task_name(), alice) == Error::none);
    REQUIRE(mach::port_deallocate(user.task_name(), plain) == Error::none);
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
    rpc::Rights<1> give;
    give[0] = { port, Disposition::make_send_once };
    auth::Vouch::Reply reply {};
    CHECK(rpc::call<auth::Vouch>(plain, {}, reply, give) == Error::invalid_right);
    // An operation auth does not have.
    struct Unknown : rpc::Operation<24999> {
        using Request = rpc::Empty;
        using Reply = rpc::Empty;
    };
    Unknown::Reply none {};
    CHECK(rpc::call<Unknown>(plain, {}, none) == Error::not_supported);
    // The vouch table is bounded.
    PortName ports[auth::AuthServer::kMaxVouches + 1];
    for (PortName& each : ports) {
        REQUIRE(mach::port_allocate(user.task_name(), mach::RightType::receive, &each) == Error::none);
    }
    for (uint32_t i = 0; i < auth::AuthServer::kMaxVouches; i++)
        REQUIRE(vouch(plain, ports[i]) == Error::none);
    CHECK(vouch(plain, ports[auth::AuthServer::kMaxVouches]) == Error::no_space);
    for (PortName each : ports)
        REQUIRE(mach::port_destroy(user.task_name(), each) == Error::none);
    REQUIRE(mach::port_destroy(user.task_name(), port) == Error::none);
    REQUIRE(mach::port_deallocate(user.task_name(), plain) == Error::none);
}
