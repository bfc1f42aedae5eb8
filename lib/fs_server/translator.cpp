#include <exec/init_ports.h>
#include <fs_server/control.h>
#include <fs_server/file_system.h>
#include <fs_server/translator.h>
#include <rpc/client.h>
#include <runtime/mach.h>
#include <runtime/print.h>
#include <runtime/thread.h>

namespace fs {
namespace {

// A worker's stack: deep enough for a handler with a whole message on it
// (pages are touched on demand).
constexpr uint64_t kWorkerStackSize = 256 * 1024;

void serve_beside(void* server) { (void)static_cast<ports::Server*>(server)->serve(); }

// Workers beside the calling thread, so that a slow request (a lookup that
// waits for a translator) holds up only its own client. The file system
// and its control port lock what they share; a setup's own receivers need
// not, so a translator with a setup is served by one thread.
void start_workers(ports::Server& server, uint32_t workers)
{
    for (uint32_t i = 1; i < workers && i < ports::Server::kMaxWorkers; i++) {
        if (runtime::start_thread(&serve_beside, &server, kWorkerStackSize) != Error::none)
            return; // fewer workers: slower under a stuck call, still correct
    }
}

// The control port: a new one handed to the parent (from the init ports,
// or the bootstrap port if that is a send right), or else the bootstrap
// port itself (startup, or the kernel, holds a send right to it).
Error set_up_control(Control& control, const mach::SelfPorts& self, mach::PortName parent)
{
    if (parent == mach::kNullName) {
        if (mach::is_receive_right(self.task, self.bootstrap))
            return control.adopt(self.bootstrap);
        parent = self.bootstrap; // a send right (or nothing: the Startup call says so)
    }
    mach::PortName port = mach::kNullName;
    TRY_STATUS(mach::port_allocate(self.task, mach::RightType::receive, &port));
    TRY_STATUS(control.adopt(port));
    fsys::Startup::Reply reply {};
    rpc::Rights<1> give;
    give[0] = { port, mach::Disposition::make_send };
    return rpc::call<fsys::Startup>(parent, {}, reply, give);
}

// Serves the file system over `root` from `workers` threads.
int serve_translator(Node& root, const char* options, TranslatorSetup setup, void* context, uint32_t workers)
{
    exec::InitPorts init = exec::receive_init_ports();
    mach::SelfPorts self {};
    (void)mach::self_ports(&self);
    ports::Server server;
    if (server.open() != Error::none) {
        root.release();
        return 1;
    }
    FileSystem file_system(server, root);
    root.release(); // the file system holds it
    file_system.set_auth(init[exec::kAuth]);
    init[exec::kAuth] = mach::kNullName;
    file_system.set_root_directory(init[exec::kRootDirectory]);
    init[exec::kRootDirectory] = mach::kNullName;
    Control control(server, file_system, options);
    Error status = file_system.start();
    if (status == Error::none && setup)
        status = setup(server, init, context);
    // What proc handle the setup left is the file system's.
    file_system.set_proc(init[exec::kProc]);
    init[exec::kProc] = mach::kNullName;
    if (status == Error::none)
        status = set_up_control(control, self, init[exec::kParent]);
    exec::release(init);
    if (status != Error::none) {
        mach::Line() << "cannot start: " << error_name(status);
        return 2;
    }
    start_workers(server, workers);
    status = server.serve();
    mach::Line() << "gone away: " << error_name(status);
    server.close();
    // The task ends here: what is still open goes with it.
    mach::task_exit(status == Error::none ? 0 : 3);
}

} // namespace

int run_translator(Node& root, const char* options)
{
    return run_translator(root, options, ports::Server::kMaxWorkers);
}

int run_translator(Node& root, const char* options, uint32_t workers)
{
    return serve_translator(root, options, nullptr, nullptr, workers);
}

int run_translator(Node& root, const char* options, TranslatorSetup setup, void* context)
{
    return serve_translator(root, options, setup, context, 1);
}

} // namespace fs
