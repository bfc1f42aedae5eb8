// startup: the first task the kernel starts. It brings the system up from
// the boot modules — auth, proc (if present), exec, and the root file
// system (tmpfs over the boot archive) — then runs the program named on
// its command line from the root file system, as root, with its init
// ports, and waits for it.
//   startup [program [arguments...]]
#include <exec/execute.h>
#include <exec/spawn.h>
#include <fs/client.h>
#include <interfaces/auth.h>
#include <mach/mach.h>
#include <mach/print.h>
#include <rpc/client.h>

#include "boot_server.h"

namespace {

// The servers startup holds plain rights to.
struct System {
    mach::PortName auth = mach::kNullName; // speaks for root
    mach::PortName exec = mach::kNullName;
    mach::PortName root_control = mach::kNullName; // the root file system's control port
};

Error bring_up(System& system)
{
    const char* auth_argv[] = { "auth" };
    system.auth = TRY(startup::start_boot_server("auth", auth_argv, 1, {}));
    const char* exec_argv[] = { "exec" };
    system.exec = TRY(startup::start_boot_server("exec", exec_argv, 1, {}));
    exec::InitPorts root_init;
    root_init[exec::kAuth] = system.auth;
    const char* root_argv[] = { "tmpfs", "--archive=root.cpio" };
    system.root_control = TRY(startup::start_boot_server("tmpfs", root_argv, 2, root_init));
    return Error::none;
}

// Root's init ports: the root directory (also the working one) and an auth handle.
Result<exec::InitPorts> root_init_ports(const System& system)
{
    exec::InitPorts init;
    init[exec::kRootDirectory] = TRY(fs::client::root_from_control(system.root_control, { 0, 0 }));
    init[exec::kWorkingDirectory] = init[exec::kRootDirectory];
    rpc::Rights<1> handle;
    auth::MakeHandle::Reply made {};
    TRY_STATUS(rpc::call<auth::MakeHandle>(system.auth, { { 0, 0 } }, made, {}, &handle));
    init[exec::kAuth] = handle[0].name;
    init[exec::kExecServer] = system.exec;
    return init;
}

// Runs `argv` (argv[0] is the program's path) and waits for its task to end.
Error run(const System& system, const exec::InitPorts& init, const char* const* argv, uint32_t argc)
{
    mach::SelfPorts self {};
    TRY_STATUS(mach::self_ports(&self));
    const char* name = argv[0];
    for (const char* at = argv[0]; *at; at++) {
        if (*at == '/')
            name = at + 1;
    }
    mach::PortName task = TRY(exec::create_task(name));
    static const char* const environment[] = { "PATH=/bin", "HOME=/" };
    exec::Command command { argv[0], argv, argc, environment, 2 };
    Error status = exec::execute(system.exec, task, command, init);
    if (status == Error::none)
        status = exec::wait_for_end(task);
    (void)mach::port_deallocate(self.task, task);
    return status;
}

} // namespace

int main(int argc, char** argv, char**)
{
    System system;
    if (Error status = bring_up(system); status != Error::none) {
        mach::Line() << "cannot bring the system up: " << error_name(status);
        return 1;
    }
    Result<exec::InitPorts> init = root_init_ports(system);
    if (!init.ok()) {
        mach::Line() << "no root file system: " << error_name(init.error());
        return 1;
    }
    mach::Line() << "system up: auth, exec, root file system";
    if (argc < 2) {
        mach::Line() << "nothing to run (no shell yet)";
        for (;;)
            (void)mach::thread_sleep(~0ull);
    }
    Error status = run(system, init.value(), argv + 1, uint32_t(argc - 1));
    mach::Line() << argv[1] << " ended: " << error_name(status);
    for (;;)
        (void)mach::thread_sleep(~0ull); // startup stays: it is init
}
