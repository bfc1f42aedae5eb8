// exec: loads programs into tasks (lib/interfaces/exec.h). Its bootstrap
// port is its service port, a receive right; startup hands send rights
// to it out.
#include <heap/heap.h>

#include "../common/bootstrap_service.h"
#include "exec_server.h"

int main(int, char**, char**)
{
    // Each request is its own (the server keeps no state between them):
    // as many workers as the ports library allows, so that a client whose
    // file never answers holds up one of them, for one call timeout.
    return servers::serve_bootstrap_port(
        [](ports::Server& server, exec::InitPorts& init) {
            exec::ExecServer* service = heap::create<exec::ExecServer>(server).value_or(nullptr);
            if (service)
                service->take_power(init);
            return service;
        },
        ports::Server::kMaxWorkers);
}
