// startup: the first task the kernel starts, and pid 1. It brings the
// system up from the boot modules — auth, proc, exec, and the root file
// system (tmpfs over the boot archive) — then runs the program named on
// its command line from the root file system, as root, with its init
// ports, registered with proc as its child, and waits for it.
//   startup [program [arguments...]]
#include <auth/client.h>
#include <exec/child.h>
#include <fs_client/client.h>
#include <interfaces/auth.h>
#include <interfaces/proc.h>
#include <rpc/client.h>
#include <runtime/mach.h>
#include <runtime/print.h>

#include "boot_server.h"
#include "boot_translators.h"
#include "console.h"

namespace {

// The servers startup holds plain rights to.
struct System {
    mach::PortName auth = mach::kNullName; // speaks for root
    mach::PortName proc = mach::kNullName; // speaks for pid 1: startup
    mach::PortName exec = mach::kNullName;
    mach::PortName root_control = mach::kNullName; // the root file system's control port
};

Error bring_up(System& system)
{
    mach::PortName tasks[4] = {};
    const char* auth_argv[] = { "auth" };
    system.auth = TRY(startup::start_boot_server("auth", auth_argv, 1, {}, &tasks[0]));
    const char* proc_argv[] = { "proc" };
    system.proc = TRY(startup::start_boot_server("proc", proc_argv, 1, {}, &tasks[1]));
    exec::InitPorts root_init;
    root_init[exec::kAuth] = system.auth;
    // The passive translators the root file system starts are listed with
    // proc under startup's own handle: init's children, which it reaps.
    root_init[exec::kProc] = system.proc;
    const char* root_argv[] = { "tmpfs", "--archive=root.cpio" };
    system.root_control = TRY(startup::start_boot_server("tmpfs", root_argv, 2, root_init, &tasks[2]));
    // exec holds root's auth handle and a root directory: set-user-id
    // programs of the root file system get their owner's ids from it
    // (servers/exec/set_id.h).
    exec::InitPorts exec_init;
    exec_init[exec::kAuth] = system.auth;
    exec_init[exec::kRootDirectory] = TRY(fs::client::root_from_control(system.root_control, { 0, 0 }));
    const char* exec_argv[] = { "exec" };
    Result<mach::PortName> exec = startup::start_boot_server("exec", exec_argv, 1, exec_init, &tasks[3]);
    fs::client::close(exec_init[exec::kRootDirectory]); // exec has its own copy
    if (!exec.ok())
        return exec.error();
    system.exec = exec.value();
    // proc is up now: it lists the servers (ps), startup's children.
    const char* names[] = { "auth", "proc", "tmpfs", "exec" };
    for (int i = 0; i < 4; i++)
        exec::list_child(system.proc, tasks[i], names[i]);
    return Error::none;
}

// proc powers the machine off for root (proc Shutdown): it gets the device
// port, and an auth handle for nobody through which it asks auth who calls.
Error give_power(const System& system)
{
    constexpr auth::Ids kNobody { 65534, 65534 };
    mach::SelfPorts self {};
    TRY_STATUS(mach::self_ports(&self));
    mach::PortName verifier = TRY(auth::client::make_handle(system.auth, kNobody));
    rpc::Rights<2> give;
    give[0] = { self.device, mach::Disposition::copy_send };
    give[1] = { verifier, mach::Disposition::move_send };
    proc::GivePower::Reply reply {};
    return rpc::call<proc::GivePower>(system.proc, {}, reply, give);
}

// Root's init ports: the root directory (also the working one) and an auth handle.
Result<exec::InitPorts> root_init_ports(const System& system)
{
    exec::InitPorts init;
    init[exec::kRootDirectory] = TRY(fs::client::root_from_control(system.root_control, { 0, 0 }));
    init[exec::kWorkingDirectory] = init[exec::kRootDirectory];
    init[exec::kAuth] = TRY(auth::client::make_handle(system.auth, { 0, 0 }));
    init[exec::kExecServer] = system.exec;
    return init;
}

// Waits until child `pid` ends: its wait status. The other children that
// end meanwhile are reaped too: orphans come to pid 1 (a translator whose
// settrans has ended, say), and none may stay a zombie.
Result<int32_t> wait_reaping(const System& system, int32_t pid)
{
    for (;;) {
        proc::Wait::Reply ended {};
        TRY_STATUS(rpc::call<proc::Wait>(system.proc, { -1, 0 }, ended));
        if (ended.pid == pid)
            return ended.status;
    }
}

// Runs `argv` (argv[0] is the program's path) as startup's child, with
// the console as its standard input, output and error when there is one,
// and waits for it: its wait status.
Result<int32_t> run(const System& system, exec::InitPorts init, const char* const* argv, uint32_t argc)
{
    static const char* const environment[] = { "PATH=/bin", "HOME=/", "PWD=/", "TERM=vt100" };
    init[exec::kProc] = system.proc;
    Result<exec::Descriptors*> console = startup::open_console(init);
    exec::Command command { argv[0], argv, argc, environment, 4, console.ok() ? console.value() : nullptr };
    int32_t pid = TRY(exec::start_child(command, init));
    return wait_reaping(system, pid);
}

// What init does for good: reaps the processes that end as its children
// (orphans come to pid 1), so that none stays a zombie.
[[noreturn]] void reap_forever(const System& system)
{
    constexpr uint64_t kIdleNs = 1'000'000'000;
    for (;;) {
        proc::Wait::Reply ended {};
        Error status = rpc::call<proc::Wait>(system.proc, { -1, 0 }, ended);
        if (status == Error::none)
            mach::Line() << "reaped pid " << int64_t(ended.pid);
        else
            (void)mach::thread_sleep(kIdleNs); // no child now (not_found)
    }
}

// With nothing else to run: a shell on the console, and another one
// whenever it ends (as getty would).
[[noreturn]] void run_shell_forever(const System& system, const exec::InitPorts& init)
{
    static const char* const shell[] = { "/bin/sh" };
    for (;;) {
        Result<int32_t> status = run(system, init, shell, 1);
        if (!status.ok()) {
            mach::Line() << "no shell: " << error_name(status.error());
            reap_forever(system);
        }
    }
}

} // namespace

int main(int argc, char** argv, char**)
{
    System system;
    if (Error status = bring_up(system); status != Error::none) {
        mach::Line() << "cannot bring the system up: " << error_name(status);
        return 1;
    }
    if (Error status = give_power(system); status != Error::none)
        mach::Line() << "poweroff and reboot will not work: " << error_name(status);
    Result<exec::InitPorts> init = root_init_ports(system);
    if (!init.ok()) {
        mach::Line() << "no root file system: " << error_name(init.error());
        return 1;
    }
    if (Error status = startup::set_boot_translators(init.value()[exec::kRootDirectory]); status != Error::none)
        mach::Line() << "boot translators not set: " << error_name(status);
    exec::InitPorts console_init = init.value();
    console_init[exec::kProc] = system.proc;
    if (Error status = startup::start_console(console_init); status != Error::none)
        mach::Line() << "no console: " << error_name(status);
    mach::Line() << "system up: auth, proc, exec, root file system, console";
    if (argc < 2)
        run_shell_forever(system, init.value());
    Result<int32_t> status = run(system, init.value(), argv + 1, uint32_t(argc - 1));
    if (status.ok())
        mach::Line() << argv[1] << " ended: wait status " << int64_t(status.value());
    else
        mach::Line() << argv[1] << " could not run: " << error_name(status.error());
    reap_forever(system); // startup stays: it is init
}
