// The system as startup brings it up: run by startup from the root file
// system (/test/servertest) as root, with its init ports. Checks auth
// (identities, and a user proving hers to the file system), permissions
// for a non-root user (a 0600 file, settrans on a node she does not own),
// and the exec server (a program, a "#!" script, files it must refuse).
//   servertest                       the checks
//   servertest --interpreter ARGS    run as a script's interpreter: prints its argv, ends with 7
#include "checks.h"

#include <auth/client.h>
#include <exec/child.h>
#include <exec/init_ports.h>
#include <fs_client/client.h>
#include <heap/heap.h>
#include <interfaces/auth.h>
#include <interfaces/proc.h>
#include <mach/kernel_objects.h>
#include <rpc/client.h>
#include <runtime/kernel_call.h>

using auth::client::make_handle;
using mach::PortName;
using test_checks::check;
using test_checks::same_text;
namespace client = fs::client;

namespace {

constexpr auth::Ids kAlice { 1000, 100 };

exec::InitPorts g_init;

void check_init_ports()
{
    check(g_init[exec::kRootDirectory] != mach::kNullName, "init_ports_hold_a_root_directory");
    check(g_init[exec::kWorkingDirectory] != mach::kNullName, "init_ports_hold_a_working_directory");
    check(g_init[exec::kAuth] != mach::kNullName, "init_ports_hold_an_auth_handle");
    check(g_init[exec::kExecServer] != mach::kNullName, "init_ports_hold_the_exec_server");
    proc::GetIds::Reply me {};
    check(rpc::call<proc::GetIds>(g_init[exec::kProc], {}, me) == Error::none && me.pid > 1
            && me.parent == proc::kInitPid,
        "proc_knows_us_as_a_child_of_startup");
    auth::GetIds::Reply ids {};
    check(rpc::call<auth::GetIds>(g_init[exec::kAuth], {}, ids) == Error::none && ids.ids.is_root(),
        "startup_runs_us_as_root");
    size_t size = 0;
    Result<uint8_t*> motd
        = client::read_file(g_init[exec::kRootDirectory], g_init[exec::kWorkingDirectory], "/etc/motd", size);
    check(motd.ok() && size > 0, "the_root_file_system_serves_etc_motd");
    if (motd.ok())
        heap::free(motd.value());
}

// Alice: a handle from root's, and the root directory reauthenticated as her.
void check_utilities_as(PortName alice, PortName her_root);

// Shutdown through proc asked with the identity of `handle`.
Error shut_down_as(PortName handle, uint32_t action)
{
    return auth::client::with_rendezvous(handle, g_init[exec::kProc], [&](const rpc::Right& rendezvous) {
        rpc::Rights<1> give;
        give[0] = rendezvous;
        proc::Shutdown::Reply reply {};
        return rpc::call<proc::Shutdown>(g_init[exec::kProc], { action, 0 }, reply, give);
    });
}

// Powering off is root's: proc refuses everyone else, and the kernel's
// power is behind the device port only. (Root's poweroff is the shell
// test's last command: here it would end the test.)
void check_power(PortName alice)
{
    check(shut_down_as(alice, mach::kPowerOff) == Error::permission_denied, "alice_may_not_power_off");
    check(shut_down_as(alice, mach::kReboot) == Error::permission_denied, "alice_may_not_reboot");
    check(shut_down_as(g_init[exec::kAuth], 99) == Error::invalid_argument, "shutdown_refuses_an_unknown_action");
    // A rendezvous nobody vouched for proves nothing.
    mach::SelfPorts self {};
    (void)mach::self_ports(&self);
    PortName unvouched = mach::kNullName;
    (void)mach::port_allocate(self.task, mach::RightType::receive, &unvouched);
    rpc::Rights<1> give;
    give[0] = { unvouched, mach::Disposition::make_send };
    proc::Shutdown::Reply reply {};
    check(
        rpc::call<proc::Shutdown>(g_init[exec::kProc], { mach::kPowerOff, 0 }, reply, give) == Error::permission_denied,
        "shutdown_refuses_an_unvouched_rendezvous");
    (void)mach::port_destroy(self.task, unvouched);
    // Only pid 1 hands proc the power, and only once.
    rpc::Rights<2> power;
    power[0] = { self.host, mach::Disposition::copy_send };
    power[1] = { alice, mach::Disposition::copy_send };
    proc::GivePower::Reply given {};
    check(rpc::call<proc::GivePower>(g_init[exec::kProc], {}, given, power) == Error::permission_denied,
        "only_startup_gives_proc_the_power");
    // What was the host port's power call (0x1202) is no call of its any more.
    constexpr auto kFormerHostPower = static_cast<mach::KernelCall>(0x1202);
    mach::PowerRequest off { mach::kPowerOff, 0 };
    check(mach::kernel_call(self.host, kFormerHostPower, &off, sizeof(off), nullptr, 0) == Error::not_supported,
        "the_host_port_cannot_power_off");
}

void check_a_user(PortName root)
{
    Result<PortName> secret = client::open(root, root, "/tmp/secret", fs::kWrite | fs::kCreate, 0600);
    check(secret.ok(), "root_creates_a_0600_file");
    if (secret.ok())
        client::close(secret.value());
    Result<PortName> alice = make_handle(g_init[exec::kAuth], kAlice);
    check(alice.ok(), "root_makes_a_handle_for_alice");
    if (!alice.ok())
        return;
    check(make_handle(alice.value(), { 0, 0 }).error() == Error::permission_denied, "alice_cannot_become_root");
    check_power(alice.value());
    Result<PortName> as_alice = client::reauthenticate(root, alice.value());
    check(as_alice.ok(), "alice_proves_who_she_is_to_the_file_system");
    if (as_alice.ok()) {
        PortName her_root = as_alice.value();
        check(client::open(her_root, her_root, "/tmp/secret", fs::kRead).error() == Error::permission_denied,
            "alice_is_refused_a_0600_file");
        check(client::open(her_root, her_root, "/etc/motd", fs::kRead).ok(), "alice_reads_a_0644_file");
        fs::SetTranslator::Request request {};
        request.flags = fs::kSetPassive;
        request.passive.set("/hurd/hello");
        fs::SetTranslator::Reply done {};
        Result<PortName> theirs = client::open(her_root, her_root, "/tmp/secret", fs::kNoTranslator);
        Result<PortName> hers = client::open(her_root, her_root, "/home/user/README", fs::kRead | fs::kNoTranslator);
        check(theirs.ok() && rpc::call<fs::SetTranslator>(theirs.value(), request, done) == Error::permission_denied,
            "alice_may_not_settrans_a_node_she_does_not_own");
        check(hers.ok() && rpc::call<fs::SetTranslator>(hers.value(), request, done) == Error::none,
            "alice_may_settrans_her_own_node");
        for (Result<PortName>* each : { &theirs, &hers }) {
            if (each->ok())
                client::close(each->value());
        }
        check_utilities_as(alice.value(), her_root);
        client::close(her_root);
    }
    client::close(alice.value());
}

// Runs `path` as our child (through proc and exec) with `init` as its init
// ports, and waits for it: its wait status.
Result<int32_t> run_as(const exec::InitPorts& init, const char* path, const char* const* argv, uint32_t argc)
{
    int32_t pid = TRY(exec::start_child({ path, argv, argc, nullptr, 0 }, init));
    return exec::wait_child(g_init[exec::kProc], pid);
}

Result<int32_t> run(const char* path, const char* const* argv, uint32_t argc)
{
    return run_as(g_init, path, argv, argc);
}

// The utilities run as Alice (her auth handle, her root directory): what
// she may attach translators to.
void check_utilities_as(PortName alice, PortName her_root)
{
    exec::InitPorts hers = g_init;
    hers[exec::kAuth] = alice;
    hers[exec::kRootDirectory] = her_root;
    hers[exec::kWorkingDirectory] = her_root;
    const char* theirs[] = { "settrans", "-a", "/tmp/secret", "/hurd/hello" };
    Result<int32_t> refused = run_as(hers, "/bin/settrans", theirs, 4);
    check(refused.ok() && refused.value() == proc::exited_status(1), "settrans_as_alice_is_refused_a_node_of_roots");
    const char* mine[] = { "settrans", "-c", "/home/user/greeting", "/hurd/hello", "Hi Alice" };
    Result<int32_t> done = run_as(hers, "/bin/settrans", mine, 5);
    check(done.ok() && done.value() == proc::exited_status(0), "settrans_as_alice_attaches_to_her_own_node");
    check(test_checks::reads(her_root, "/home/user/greeting", "Hi Alice"), "her_passive_translator_answers");
}

void check_exec(PortName root)
{
    const char* hello[] = { "hello.sh", "first", "second" };
    Result<int32_t> script = run("/test/hello.sh", hello, 3);
    check(script.ok() && script.value() == proc::exited_status(7), "exec_runs_a_script_through_its_interpreter");
    const char* motd[] = { "motd" };
    check(run("/etc/motd", motd, 1).error() == Error::permission_denied,
        "exec_refuses_a_file_without_execute_permission");
    Result<PortName> junk = client::open(root, root, "/tmp/junk", fs::kWrite | fs::kCreate, 0755);
    if (junk.ok()) {
        (void)client::write(junk.value(), "not a program", 13);
        client::close(junk.value());
    }
    const char* junk_argv[] = { "junk" };
    check(
        run("/tmp/junk", junk_argv, 1).error() == Error::invalid_argument, "exec_refuses_an_image_that_is_no_program");
    const char* missing[] = { "missing" };
    check(run("/test/missing", missing, 1).error() == Error::not_found, "exec_of_a_missing_file_fails");
    // The children that could not start left nothing behind in proc.
    proc::Wait::Reply none {};
    check(rpc::call<proc::Wait>(g_init[exec::kProc], { -1, proc::kNoHang }, none) == Error::not_found,
        "no_child_is_left_behind");
}

// As a script's interpreter: what the kernel's loader passes on.
int interpret(int argc, char** argv)
{
    mach::Line line;
    line << "interpreter argv:";
    for (int i = 0; i < argc; i++)
        line << " " << argv[i];
    return 7;
}

} // namespace

int main(int argc, char** argv, char**)
{
    g_init = exec::receive_init_ports();
    if (argc > 1 && same_text(argv[1], "--interpreter"))
        return interpret(argc, argv);
    check_init_ports();
    PortName root = g_init[exec::kRootDirectory];
    if (root != mach::kNullName) {
        check_a_user(root);
        check_exec(root);
    }
    return test_checks::finish();
}
