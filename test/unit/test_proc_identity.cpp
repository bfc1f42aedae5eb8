// proc and auth together over the host kernel: a process is who its auth
// handle proves (Child with a rendezvous, Reauthenticate), not whom its
// parent says, and a rendezvous meant for one proc handle is refused
// through another.
#include <auth/client.h>
#include <catch.hpp>
#include <interfaces/proc.h>
#include <rpc/client.h>
#include <runtime/mach.h>
#include <support/auth_task.h>
#include <support/host_kernel.h>
#include <support/proc_task.h>

using mach::Disposition;
using mach::PortName;
using test_support::ActAs;
using test_support::AuthTask;
using test_support::HostKernel;
using test_support::HostTask;
using test_support::ProcTask;

namespace {

constexpr auth::Ids kAlice { 1000, 100 };

// Gives proc its auth handle (GivePower from pid 1; any send right stands for the device port).
void give_power(HostTask& init, PortName plain_proc, PortName auth_handle)
{
    ActAs as(init);
    PortName device = 0;
    REQUIRE(mach::port_allocate(init.task_name(), mach::RightType::receive, &device) == Error::none);
    rpc::Rights<2> give;
    give[0] = { device, Disposition::make_send };
    give[1] = { auth_handle, Disposition::move_send };
    proc::GivePower::Reply reply {};
    REQUIRE(rpc::call<proc::GivePower>(plain_proc, {}, reply, give) == Error::none);
}

// Registers a new task as a child through `through`, proven by `handle`
// (none: the parent's ids); its handle and pid, or the error.
Result<PortName> register_child(HostKernel& kernel, HostTask& as, PortName through, PortName handle, int32_t& pid)
{
    HostTask& task = kernel.create_task();
    PortName task_port = kernel.move_right(task, task.task_name(), as, Disposition::copy_send);
    ActAs acting(as);
    proc::Child::Reply reply {};
    rpc::Rights<1> got;
    auto ask = [&](const rpc::Right& rendezvous) {
        rpc::Rights<2> give;
        give[proc::Child::kTask] = { task_port, Disposition::move_send };
        give[proc::Child::kRendezvous] = rendezvous;
        return rpc::call<proc::Child>(through, {}, reply, give, &got);
    };
    Error status = handle ? auth::client::with_rendezvous(handle, through, ask) : ask({});
    if (status != Error::none)
        return status;
    pid = reply.pid;
    return got[0].name;
}

proc::GetIds::Reply ids_of(PortName handle)
{
    proc::GetIds::Reply ids {};
    REQUIRE(rpc::call<proc::GetIds>(handle, {}, ids) == Error::none);
    return ids;
}

} // namespace

TEST_CASE("proc: a child is who its auth handle proves; Reauthenticate changes it; a replay is refused")
{
    HostKernel kernel;
    AuthTask auth(kernel);
    ProcTask proc(kernel);
    HostTask& init = kernel.create_task();
    PortName plain = proc.give_to(init);
    PortName root = auth.plain_right_for(init);
    PortName alice = 0;
    {
        ActAs as(init);
        alice = auth::client::make_handle(root, kAlice).value();
    }
    give_power(init, plain, auth.plain_right_for(init)); // a plain right: no identity of auth's to account for
    int32_t pid = 0;
    // Without a rendezvous: the parent's ids (init: root).
    PortName inherited = register_child(kernel, init, plain, 0, pid).value();
    // With Alice's handle: Alice, effective and real.
    PortName child = register_child(kernel, init, plain, alice, pid).value();
    {
        ActAs as(init);
        CHECK(ids_of(inherited).uid == 0);
        proc::GetIds::Reply ids = ids_of(child);
        CHECK(ids.uid == 1000);
        CHECK(ids.real_uid == 1000);
        // Reauthenticate through the child's handle, as root again (init holds root's handle).
        Error status = auth::client::with_rendezvous(root, child, [&](const rpc::Right& rendezvous) {
            rpc::Rights<1> give;
            give[0] = rendezvous;
            proc::Reauthenticate::Reply reply {};
            return rpc::call<proc::Reauthenticate>(child, {}, reply, give);
        });
        CHECK(status == Error::none);
        CHECK(ids_of(child).uid == 0);
        // A rendezvous vouched for one proc handle and sent through another: refused.
        status = auth::client::with_rendezvous(alice, inherited, [&](const rpc::Right& rendezvous) {
            rpc::Rights<1> give;
            give[0] = rendezvous;
            proc::Reauthenticate::Reply reply {};
            return rpc::call<proc::Reauthenticate>(child, {}, reply, give);
        });
        CHECK(status == Error::permission_denied);
        CHECK(ids_of(child).uid == 0);
        // Without a rendezvous at all.
        proc::Reauthenticate::Reply reply {};
        CHECK(rpc::call<proc::Reauthenticate>(child, {}, reply) == Error::invalid_right);
        // pid 1 stays root.
        CHECK(rpc::call<proc::Reauthenticate>(plain, {}, reply) == Error::not_supported);
        for (PortName name : { alice, root, child, inherited, plain })
            REQUIRE(mach::port_deallocate(init.task_name(), name) == Error::none);
    }
}
