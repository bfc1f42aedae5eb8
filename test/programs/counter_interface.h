// A small RPC interface for testing lib/rpc and lib/ports, on the host
// (test/unit/test_ports.cpp) and in QEMU (counterserver, counterclient):
// a server hands out counters, each a send right whose payload names it.
#pragma once

#include <ports/server.h>
#include <rpc/server.h>
#include <runtime/mach.h>

namespace counter_test {

// A new counter starting at `start`: a send right to it comes back.
struct MakeCounter : rpc::Operation<9101, 0, 1> {
    struct alignas(8) Request {
        uint64_t start;
    };
    using Reply = rpc::Empty;
};

// Adds one to the counter the request came through and answers the new value.
struct Increment : rpc::Operation<9102> {
    using Request = rpc::Empty;
    struct alignas(8) Reply {
        uint64_t value;
    };
};

// Ends the server's loop.
struct Stop : rpc::Operation<9103> {
    using Request = rpc::Empty;
    using Reply = rpc::Empty;
};

using CounterInterface = rpc::Interface<MakeCounter, Increment, Stop>;

class Counters final : public ports::Receiver {
public:
    static constexpr uint64_t kCounters = 64;

    explicit Counters(ports::Server& server)
        : m_server(server)
    {
    }

    bool serve(mach::MessageHeader& request, rpc::ReplyBuffer& reply) override
    {
        return CounterInterface::dispatch(*this, request, reply);
    }
    void payload_released(uint64_t payload) override
    {
        if (payload == 0 || payload > m_next || released[payload])
            return;
        released[payload] = true;
        released_count++;
        if (on_release)
            on_release(payload);
    }
    void no_senders() override { no_senders_seen = true; }

    Error serve(MakeCounter, const rpc::Incoming<MakeCounter>& in, rpc::Outgoing<MakeCounter>& out)
    {
        if (m_next == kCounters)
            return Error::no_space;
        uint64_t payload = m_next + 1;
        Result<mach::PortName> send = m_server.make_send(in.port, payload);
        if (!send.ok())
            return send.error();
        m_next = payload;
        m_values[payload] = in.body.start;
        out.rights[0] = { send.value(), mach::Disposition::move_send };
        return Error::none;
    }
    Error serve(Increment, const rpc::Incoming<Increment>& in, rpc::Outgoing<Increment>& out)
    {
        if (in.payload == 0 || in.payload > m_next || released[in.payload])
            return Error::invalid_argument; // a plain right names no counter
        out.body.value = ++m_values[in.payload];
        return Error::none;
    }
    Error serve(Stop, const rpc::Incoming<Stop>&, rpc::Outgoing<Stop>&)
    {
        m_server.shut_down();
        return Error::none;
    }

    bool released[kCounters + 1] = {};
    uint64_t released_count = 0;
    bool no_senders_seen = false;
    void (*on_release)(uint64_t payload) = nullptr;

private:
    ports::Server& m_server;
    uint64_t m_values[kCounters + 1] = {};
    uint64_t m_next = 0;
};

} // namespace counter_test
