// The auth server (servers/auth) in a task of the host kernel, served by a
// thread, for tests of auth and of what uses it (file systems).
#pragma once

#include <catch.hpp>
#include <runtime/mach.h>
#include <support/host_kernel.h>

#include "../../servers/auth/auth_server.h"

#include <chrono>
#include <thread>

namespace test_support {

class AuthTask {
public:
    explicit AuthTask(HostKernel& kernel)
        : m_kernel(kernel)
        , m_task(kernel.create_task())
    {
        ActAs as(m_task);
        REQUIRE(m_server.open() == Error::none);
        REQUIRE(mach::port_allocate(m_task.task_name(), mach::RightType::receive, &m_port) == Error::none);
        REQUIRE(m_auth.adopt(m_port) == Error::none);
        m_thread = std::thread([this] {
            ActAs serving(m_task);
            (void)m_server.serve();
        });
    }
    // Waits for every handle and vouch to be gone, then stops.
    ~AuthTask()
    {
        settle();
        CHECK(m_auth.identities() == 0);
        CHECK(m_auth.vouches() == 0);
        {
            ActAs as(m_task);
            m_server.shut_down();
        }
        m_thread.join();
        ActAs as(m_task);
        m_server.close();
    }
    // A plain right to auth (root's, as startup holds it) for `task`.
    mach::PortName plain_right_for(HostTask& task) { return m_kernel.give_send_right(m_task, m_port, task); }
    // Gives the server time to handle the notifications sent so far.
    void settle()
    {
        for (int i = 0; i < 2000 && (m_auth.identities() != 0 || m_auth.vouches() != 0); i++)
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    const auth::AuthServer& server() const { return m_auth; }

private:
    HostKernel& m_kernel;
    HostTask& m_task;
    ports::Server m_server;
    auth::AuthServer m_auth { m_server };
    mach::PortName m_port = mach::kNullName;
    std::thread m_thread;
};

} // namespace test_support
