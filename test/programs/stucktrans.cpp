// A translator that never answers (the system test of servers that a
// hostile client cannot stall): it hands its parent a control port, as any
// translator does, and then never reads it. Lookups through the node it
// sits on wait for its root until the file system gives up on it. Started
// with open files (settrans -a gives its own standard output and error),
// it first says so on its standard output.
#include <exec/init_ports.h>
#include <fs_client/client.h>
#include <interfaces/fsys.h>
#include <rpc/client.h>
#include <runtime/mach.h>
#include <runtime/print.h>

namespace {

exec::Descriptors g_files; // 1 KiB: not on the stack

} // namespace

int main(int, char**, char**)
{
    exec::InitPorts init = exec::receive_init_ports(&g_files);
    if (g_files.count > 1 && g_files.names[1] != mach::kNullName) {
        static const char kSaid[] = "stucktrans: on the starter's standard output\n";
        (void)fs::client::write(g_files.names[1], kSaid, sizeof(kSaid) - 1);
    }
    mach::SelfPorts self {};
    (void)mach::self_ports(&self);
    mach::PortName silent = mach::kNullName;
    if (mach::port_allocate(self.task, mach::RightType::receive, &silent) != Error::none)
        return 1;
    rpc::Rights<1> give;
    give[0] = { silent, mach::Disposition::make_send };
    fsys::Startup::Reply reply {};
    Error status = rpc::call<fsys::Startup>(init[exec::kParent], {}, reply, give);
    exec::release(init);
    if (status != Error::none) {
        mach::Line() << "cannot start: " << error_name(status);
        return 2;
    }
    for (;;)
        (void)mach::thread_sleep(1'000'000'000'000ull); // its port fills up, unread
}
