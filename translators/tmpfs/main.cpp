// tmpfs: a file system in memory. Its control port is its bootstrap port
// (for now the first boot task's: the kernel hands it the receive right);
// fsys GetRoot there opens the root directory (root's, 0755).
#include <fs/control.h>
#include <fs/file_system.h>
#include <mach/mach.h>
#include <mach/print.h>

#include "memory_nodes.h"

int main(int, char**, char**)
{
    mach::SelfPorts self {};
    (void)mach::self_ports(&self);
    ports::Server server;
    if (server.open() != Error::none)
        return 1;
    Result<fs::Node*> root = tmpfs::make_root(fs::Credentials { 0, 0 }, 0755);
    if (!root.ok())
        return 2;
    fs::FileSystem file_system(server, *root.value());
    root.value()->release();
    fs::Control control(server, file_system, "");
    if (file_system.start() != Error::none || control.adopt(self.bootstrap) != Error::none)
        return 3;
    mach::Line() << "serving";
    Error status = server.serve();
    mach::Line() << "gone away: " << error_name(status);
    server.close();
    return status == Error::none ? 0 : 4;
}
