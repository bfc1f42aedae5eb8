// exec: loads programs into tasks (lib/interfaces/exec.h). Its bootstrap
// port is its service port, a receive right; startup hands send rights
// to it out.
#include <exec/init_ports.h>
#include <mach/mach.h>
#include <mach/print.h>

#include "exec_server.h"

int main(int, char**, char**)
{
    exec::InitPorts init = exec::receive_init_ports(); // exec reads only what callers send it
    exec::release(init);
    mach::SelfPorts self {};
    (void)mach::self_ports(&self);
    ports::Server server;
    if (server.open() != Error::none)
        return 1;
    exec::ExecServer exec_server(server);
    if (Error status = exec_server.adopt(self.bootstrap); status != Error::none) {
        mach::Line() << "cannot serve the bootstrap port: " << error_name(status);
        return 1;
    }
    mach::Line() << "ready";
    Error status = server.serve();
    mach::Line() << "ended: " << error_name(status);
    server.close();
    return status == Error::none ? 0 : 3;
}
