// The proc server (servers/proc) in a task of the host kernel, served by a
// thread, for tests of proc (test_proc.cpp, test_proc_identity.cpp).
#pragma once

#include <catch.hpp>
#include <memory>
#include <ports/server.h>
#include <runtime/mach.h>
#include <support/host_kernel.h>
#include <thread>

#include "../../servers/proc/proc_server.h"

namespace test_support {

// proc in a task of its own, serving on a thread; `init` holds a plain right (pid 1).
struct ProcTask {
    HostKernel& kernel;
    HostTask& task;
    ports::Server server;
    std::unique_ptr<proc::ProcServer> proc = std::make_unique<proc::ProcServer>(server);
    mach::PortName port = 0;
    std::thread thread;

    explicit ProcTask(HostKernel& k)
        : kernel(k)
        , task(k.create_task())
    {
        ActAs as(task);
        REQUIRE(server.open() == Error::none);
        REQUIRE(mach::port_allocate(task.task_name(), mach::RightType::receive, &port) == Error::none);
        REQUIRE(proc->adopt(port) == Error::none);
        thread = std::thread([this] {
            ActAs serving(task);
            (void)server.serve();
        });
    }
    ~ProcTask()
    {
        {
            ActAs as(task);
            server.shut_down();
        }
        thread.join();
        ActAs as(task);
        server.close();
    }
    mach::PortName give_to(HostTask& client) { return kernel.give_send_right(task, port, client); }
};

} // namespace test_support
