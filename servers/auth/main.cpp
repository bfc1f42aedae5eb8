// auth: user and group identities, and proving them to servers
// (lib/interfaces/auth.h). Its bootstrap port is its service port, a
// receive right; whoever started it (startup) holds the plain right,
// which speaks for root.
#include <exec/init_ports.h>
#include <mach/mach.h>
#include <mach/print.h>

#include "auth_server.h"

int main(int, char**, char**)
{
    exec::InitPorts init = exec::receive_init_ports(); // none needed: auth is where identities start
    exec::release(init);
    mach::SelfPorts self {};
    (void)mach::self_ports(&self);
    ports::Server server;
    if (server.open() != Error::none)
        return 1;
    auth::AuthServer auth(server);
    if (Error status = auth.adopt(self.bootstrap); status != Error::none) {
        mach::Line() << "cannot serve the bootstrap port: " << error_name(status);
        return 1;
    }
    mach::Line() << "ready";
    Error status = server.serve();
    mach::Line() << "ended: " << error_name(status);
    server.close();
    return status == Error::none ? 0 : 3;
}
