// lib/ports and lib/rpc on the real kernel: serves counter_interface.h on
// its bootstrap port (the first boot task holds its receive right) until a
// Stop, logging each counter whose last right died.
#include "checks.h"
#include "counter_interface.h"

using namespace counter_test;

namespace {

void log_release(uint64_t payload) { mach::Line() << "counter " << payload << " released"; }

} // namespace

int main(int, char**, char**)
{
    mach::SelfPorts self {};
    (void)mach::self_ports(&self);
    ports::Server server;
    if (server.open() != Error::none)
        return 1;
    Counters counters(server);
    counters.on_release = log_release;
    if (server.adopt_port(self.bootstrap, counters) != Error::none)
        return 2;
    Error status = server.serve();
    mach::Line() << "served until stopped: " << error_name(status);
    server.close();
    return status == Error::none ? 0 : 3;
}
