// proc: the process server. Its bootstrap port is its service port (a
// receive right); whoever started it keeps a plain send right to it, and
// requests through that right act as pid 1 (startup, which registers the
// other servers and programs with Child).
#include <exec/init_ports.h>
#include <heap/heap.h>
#include <mach/mach.h>
#include <mach/print.h>
#include <ports/server.h>

#include "proc_server.h"

namespace {

// Whether `name` is a receive right of this task.
bool is_receive_right(mach::PortName task, mach::PortName name)
{
    mach::RightType type {};
    uint32_t references = 0;
    return name != mach::kNullName && mach::port_type(task, name, &type, &references) == Error::none
        && mach::has_right(type, mach::RightType::receive);
}

} // namespace

int main(int, char**, char**)
{
    exec::InitPorts init = exec::receive_init_ports(); // none needed: processes start here
    exec::release(init);
    mach::SelfPorts self {};
    (void)mach::self_ports(&self);
    if (!is_receive_right(self.task, self.bootstrap)) {
        mach::Line() << "error: the bootstrap port must be a receive right (proc's service port)";
        return 1;
    }
    ports::Server server;
    Error status = server.open();
    // Its table is big (a fixed array of processes): on the heap, not the stack.
    Result<proc::ProcServer*> proc = status == Error::none ? heap::create<proc::ProcServer>(server)
                                                           : Result<proc::ProcServer*>(status);
    status = proc.ok() ? proc.value()->adopt(self.bootstrap) : proc.error();
    if (status != Error::none) {
        mach::Line() << "cannot start: " << error_name(status);
        return 2;
    }
    status = server.serve();
    mach::Line() << "stopped: " << error_name(status);
    server.close();
    return status == Error::none ? 0 : 3;
}
