// How a server whose one port is its bootstrap port runs (auth, exec,
// proc): startup made that port, queued the server's init ports on it and
// kept a plain send right; the server takes the init ports (a `make` that
// takes them too may keep some: it sets the ones it keeps to null; the
// rest are given up), serves the port until shut down, and ends with a
// status.
#pragma once

#include <exec/init_ports.h>
#include <ports/server.h>
#include <runtime/mach.h>
#include <runtime/print.h>
#include <runtime/thread.h>

namespace servers {

// The workers beside the first, for a service that serves from several
// threads (it locks what they share).
inline void start_workers(ports::Server& server, uint32_t workers)
{
    constexpr uint64_t kStackSize = 256 * 1024; // a handler may hold a whole message (touched on demand)
    for (uint32_t i = 1; i < workers && i < ports::Server::kMaxWorkers; i++) {
        if (runtime::start_thread([](void* s) { (void)static_cast<ports::Server*>(s)->serve(); }, &server, kStackSize)
            != Error::none)
            return; // fewer workers: slower under a slow client, still correct
    }
}

// Serves the bootstrap port with `service` (made from the ports::Server by
// `make`, on the heap: null on failure; it lives as long as the task),
// from `workers` threads. Returns the task's exit status: 1 if the
// bootstrap port is not a receive right.
template <typename Make> int serve_bootstrap_port(Make make, uint32_t workers = 1)
{
    exec::InitPorts init = exec::receive_init_ports();
    mach::SelfPorts self {};
    (void)mach::self_ports(&self);
    if (!mach::is_receive_right(self.task, self.bootstrap)) {
        mach::Line() << "error: the bootstrap port must be a receive right (the service port)";
        return 1;
    }
    ports::Server server;
    if (server.open() != Error::none)
        return 1;
    auto* service = [&] {
        if constexpr (requires { make(server, init); })
            return make(server, init);
        else
            return make(server);
    }();
    exec::release(init);
    Error status = service ? service->adopt(self.bootstrap) : Error::no_memory;
    if (status != Error::none) {
        mach::Line() << "cannot serve the bootstrap port: " << error_name(status);
        return 2;
    }
    mach::Line() << "ready";
    start_workers(server, workers);
    status = server.serve();
    mach::Line() << "ended: " << error_name(status);
    server.close();
    return status == Error::none ? 0 : 3;
}

} // namespace servers
