// The ports library over the host kernel: objects behind payload rights,
// their release when the last right goes, and what a client cannot do.
#include <catch.hpp>
#include <ports/server.h>
#include <rpc/client.h>
#include <runtime/mach.h>
#include <support/host_kernel.h>

#include "../programs/counter_interface.h"

#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

using mach::Disposition;
using mach::PortName;
using test_support::ActAs;
using test_support::HostKernel;
using test_support::HostTask;

namespace {

using namespace counter_test;

// A server task with one port of counters, served by a thread.
struct CounterServer {
    HostKernel& kernel;
    HostTask& task;
    ports::Server server;
    Counters counters { server };
    PortName port = 0;
    std::thread thread;
    Error status = Error::none;

    explicit CounterServer(HostKernel& k)
        : kernel(k)
        , task(k.create_task())
    {
        ActAs as(task);
        REQUIRE(server.open() == Error::none);
        port = server.add_port(counters).value();
        REQUIRE(server.watch_senders(port) == Error::none);
    }
    ~CounterServer()
    {
        if (thread.joinable())
            thread.join();
        ActAs as(task);
        server.close();
    }
    void start()
    {
        thread = std::thread([this] {
            ActAs as(task);
            status = server.serve();
        });
    }
    PortName give_to(HostTask& client) { return kernel.give_send_right(task, port, client); }
};

PortName make_counter(PortName server, uint64_t start)
{
    rpc::Rights<1> got;
    MakeCounter::Reply reply {};
    REQUIRE(rpc::call<MakeCounter>(server, { start }, reply, {}, &got) == Error::none);
    return got[0].name;
}

uint64_t increment(PortName counter)
{
    Increment::Reply reply {};
    REQUIRE(rpc::call<Increment>(counter, {}, reply) == Error::none);
    return reply.value;
}

void stop(PortName server)
{
    Stop::Reply reply {};
    REQUIRE(rpc::call<Stop>(server, {}, reply) == Error::none);
}

} // namespace

TEST_CASE("ports: a request finds its object by the payload of the right it came through")
{
    HostKernel kernel;
    CounterServer server(kernel);
    HostTask& client = kernel.create_task();
    PortName plain = server.give_to(client);
    server.start();
    ActAs as(client);
    PortName a = make_counter(plain, 10);
    PortName b = make_counter(plain, 100);
    CHECK(increment(a) == 11);
    CHECK(increment(b) == 101);
    CHECK(increment(a) == 12);
    // A copy of a right shares its object.
    PortName copy = 0;
    REQUIRE(mach::port_extract_right(client.task_name(), a, Disposition::copy_send, &copy) == Error::none);
    CHECK(increment(copy) == 13);
    // The plain right names no counter.
    Increment::Reply reply {};
    CHECK(rpc::call<Increment>(plain, {}, reply) == Error::invalid_argument);
    stop(plain);
    server.thread.join();
    CHECK(server.status == Error::none);
}

TEST_CASE("ports: an object is released when its last right goes, once")
{
    HostKernel kernel;
    CounterServer server(kernel);
    HostTask& client = kernel.create_task();
    PortName plain = server.give_to(client);
    server.start();
    {
        ActAs as(client);
        PortName a = make_counter(plain, 0);
        PortName b = make_counter(plain, 0);
        REQUIRE(mach::port_mod_refs(client.task_name(), a, mach::RightType::send, 1) == Error::none);
        REQUIRE(mach::port_deallocate(client.task_name(), a) == Error::none); // one reference left
        REQUIRE(mach::port_deallocate(client.task_name(), b) == Error::none); // b's last
        CHECK(increment(a) == 1);
        REQUIRE(mach::port_deallocate(client.task_name(), a) == Error::none); // a's last
        // The releases were queued before this call's request: they are done when it returns.
        CHECK(increment(make_counter(plain, 5)) == 6);
    }
    // The client dies holding the third counter: it is released too, and
    // then the port itself has no senders.
    kernel.kill(client);
    for (int i = 0; i < 2000 && !server.counters.no_senders_seen; i++)
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    ActAs as(server.task);
    server.server.shut_down();
    server.thread.join();
    CHECK(server.counters.released_count == 3);
    CHECK((server.counters.released[1] && server.counters.released[2] && server.counters.released[3]));
    CHECK(server.counters.no_senders_seen);
}

TEST_CASE("ports: a client cannot forge a notification or use a removed port")
{
    HostKernel kernel;
    CounterServer server(kernel);
    HostTask& client = kernel.create_task();
    PortName plain = server.give_to(client);
    server.start();
    ActAs as(client);
    PortName a = make_counter(plain, 0);
    // A "payload released" message sent by a client is just an unknown request.
    struct {
        mach::MessageHeader header;
        mach::NotificationBody body;
    } forged {};
    PortName reply_port = rpc::reply_port().value();
    forged.header.destination = plain;
    forged.header.destination_disposition = Disposition::copy_send;
    forged.header.reply = reply_port;
    forged.header.reply_disposition = Disposition::make_send_once;
    forged.header.id = uint32_t(mach::NotificationKind::payload_no_senders);
    forged.header.size = sizeof(forged);
    forged.body.payload = 1;
    REQUIRE(mach::msg(&forged.header, mach::kSend | mach::kReceive, sizeof(forged), sizeof(forged), reply_port)
        == Error::none);
    CHECK(reinterpret_cast<rpc::Status*>(&forged.header + 1)->error == int32_t(Error::not_supported));
    CHECK(increment(a) == 1);
    CHECK(server.counters.released_count == 0);
    // The port removed: a call fails at once.
    {
        ActAs server_side(server.task);
        server.server.remove_port(server.port);
    }
    Increment::Reply reply {};
    CHECK(rpc::call<Increment>(a, {}, reply) == Error::port_dead);
    {
        ActAs server_side(server.task);
        server.server.shut_down();
    }
}

namespace {

// Objects whose one operation holds its object a while: to see that a
// release waits for a request still being served by another worker.
struct MakeObject : rpc::Operation<9201, 0, 1> {
    using Request = rpc::Empty;
    using Reply = rpc::Empty;
};
struct Hold : rpc::Operation<9202> {
    using Request = rpc::Empty;
    using Reply = rpc::Empty;
};

class SlowObjects final : public ports::Receiver {
public:
    explicit SlowObjects(ports::Server& server)
        : m_server(server)
    {
    }
    PortName port = 0;
    std::atomic<int> holding { 0 };
    std::atomic<bool> released_while_held { false };
    std::atomic<int> released { 0 };
    std::atomic<bool> served_after_release { false };

    bool serve(mach::MessageHeader& request, rpc::ReplyBuffer& reply) override
    {
        return rpc::Interface<MakeObject, Hold>::dispatch(*this, request, reply);
    }
    void payload_released(uint64_t) override
    {
        if (holding.load() > 0)
            released_while_held = true;
        released++;
    }
    Error serve(MakeObject, const rpc::Incoming<MakeObject>&, rpc::Outgoing<MakeObject>& out)
    {
        PortName right = TRY(m_server.make_send(port, 1));
        out.rights[0] = { right, Disposition::move_send };
        return Error::none;
    }
    Error serve(Hold, const rpc::Incoming<Hold>&, rpc::Outgoing<Hold>&)
    {
        if (released.load() > 0)
            served_after_release = true; // its object is gone
        holding++;
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        holding--;
        return Error::none;
    }

private:
    ports::Server& m_server;
};

} // namespace

TEST_CASE("ports: with several workers, a release waits for the request its object is still serving")
{
    HostKernel kernel;
    HostTask& task = kernel.create_task();
    ports::Server server;
    SlowObjects objects(server);
    {
        ActAs as(task);
        REQUIRE(server.open() == Error::none);
        objects.port = server.add_port(objects).value();
    }
    std::vector<std::thread> workers;
    std::atomic<int> stopped { 0 };
    for (uint32_t i = 0; i < ports::Server::kMaxWorkers; i++) {
        workers.emplace_back([&] {
            ActAs serving(task);
            CHECK(server.serve() == Error::none);
            stopped++;
        });
    }
    // One more than it takes is refused.
    while (server.workers() < ports::Server::kMaxWorkers)
        std::this_thread::yield();
    {
        ActAs as(task);
        CHECK(server.serve() == Error::busy);
    }
    HostTask& client = kernel.create_task();
    PortName plain = kernel.give_send_right(task, objects.port, client);
    for (int round = 0; round < 3; round++) {
        PortName object = 0;
        {
            ActAs as(client);
            rpc::Rights<1> got;
            MakeObject::Reply made {};
            REQUIRE(rpc::call<MakeObject>(plain, {}, made, {}, &got) == Error::none);
            object = got[0].name;
        }
        // One thread holds the object in a call; another drops the client's
        // right meanwhile: the last right is gone while the call is served.
        std::thread caller([&] {
            ActAs as(client);
            Hold::Reply held {};
            CHECK(rpc::call<Hold>(object, {}, held) == Error::none);
        });
        while (objects.holding.load() == 0)
            std::this_thread::yield();
        {
            ActAs as(client);
            REQUIRE(mach::port_deallocate(client.task_name(), object) == Error::none);
        }
        caller.join();
        for (int i = 0; i < 2000 && objects.released.load() != round + 1; i++)
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        CHECK(objects.released.load() == round + 1);
    }
    CHECK_FALSE(objects.released_while_held.load());
    {
        ActAs as(client);
        REQUIRE(mach::port_deallocate(client.task_name(), plain) == Error::none);
    }
    {
        ActAs as(task);
        server.shut_down();
    }
    for (std::thread& worker : workers)
        worker.join();
    CHECK(stopped.load() == int(ports::Server::kMaxWorkers));
    ActAs as(task);
    server.close();
}

TEST_CASE("ports: a release waits for a worker preempted as it took the last request of the object")
{
    HostKernel kernel;
    HostTask& task = kernel.create_task();
    ports::Server server;
    SlowObjects objects(server);
    {
        ActAs as(task);
        REQUIRE(server.open() == Error::none);
        objects.port = server.add_port(objects).value();
    }
    // The worker that takes the Hold request stops between the kernel and
    // the library (its count still odd: "in its receive call") until the
    // release has been received by another worker.
    std::atomic<bool> stalled { false };
    std::atomic<bool> stalling_done { false };
    kernel.after_receive = [&](const mach::MessageHeader& message) {
        if (message.id != Hold::kId || stalling_done.exchange(true))
            return;
        stalled = true;
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
    };
    std::vector<std::thread> workers;
    for (int i = 0; i < 3; i++) {
        workers.emplace_back([&] {
            ActAs serving(task);
            CHECK(server.serve() == Error::none);
        });
    }
    HostTask& client = kernel.create_task();
    PortName plain = kernel.give_send_right(task, objects.port, client);
    PortName object = 0;
    {
        ActAs as(client);
        rpc::Rights<1> got;
        MakeObject::Reply made {};
        REQUIRE(rpc::call<MakeObject>(plain, {}, made, {}, &got) == Error::none);
        object = got[0].name;
    }
    std::thread caller([&] {
        ActAs as(client);
        Hold::Reply held {};
        CHECK(rpc::call<Hold>(object, {}, held) == Error::none);
    });
    while (!stalled.load())
        std::this_thread::yield();
    {
        // The last right goes while the request sits with the stalled worker.
        ActAs as(client);
        REQUIRE(mach::port_deallocate(client.task_name(), object) == Error::none);
    }
    caller.join();
    for (int i = 0; i < 2000 && objects.released.load() != 1; i++)
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    CHECK(objects.released.load() == 1);
    CHECK_FALSE(objects.served_after_release.load());
    CHECK_FALSE(objects.released_while_held.load());
    {
        ActAs as(client);
        REQUIRE(mach::port_deallocate(client.task_name(), plain) == Error::none);
        ActAs server_side(task);
        server.shut_down();
    }
    for (std::thread& worker : workers)
        worker.join();
    kernel.after_receive = nullptr;
    ActAs as(task);
    server.close();
}

namespace {

// A receiver whose answers the kernel refuses (a right that names nothing),
// at once or deferred: to see that the client hears of it and the server
// goes on.
struct BadAnswer : rpc::Operation<9301, 0, 1> {
    using Request = rpc::Empty;
    using Reply = rpc::Empty;
};
struct DeferBadAnswer : rpc::Operation<9302, 0, 1> {
    using Request = rpc::Empty;
    using Reply = rpc::Empty;
};
struct AnswerDeferred : rpc::Operation<9303> {
    using Request = rpc::Empty;
    using Reply = rpc::Empty;
};

constexpr PortName kNoSuchName = 0x7f00;

class BadAnswers final : public ports::Receiver {
public:
    bool serve(mach::MessageHeader& request, rpc::ReplyBuffer& reply) override
    {
        return rpc::Interface<BadAnswer, DeferBadAnswer, AnswerDeferred, Increment>::dispatch(*this, request, reply);
    }
    void payload_released(uint64_t) override { }
    Error serve(BadAnswer, const rpc::Incoming<BadAnswer>&, rpc::Outgoing<BadAnswer>& out)
    {
        out.rights[0] = { kNoSuchName, Disposition::move_send };
        return Error::none;
    }
    Error serve(DeferBadAnswer, const rpc::Incoming<DeferBadAnswer>& in, rpc::Outgoing<DeferBadAnswer>&)
    {
        waiting = rpc::Deferred<DeferBadAnswer>::take(in);
        taken = true;
        return Error::none;
    }
    Error serve(AnswerDeferred, const rpc::Incoming<AnswerDeferred>&, rpc::Outgoing<AnswerDeferred>&)
    {
        rpc::Rights<1> bogus;
        bogus[0] = { kNoSuchName, Disposition::move_send };
        waiting.answer(Error::none, {}, bogus);
        return Error::none;
    }
    Error serve(Increment, const rpc::Incoming<Increment>&, rpc::Outgoing<Increment>& out)
    {
        out.body.value = ++count;
        return Error::none;
    }

    rpc::Deferred<DeferBadAnswer> waiting;
    std::atomic<bool> taken { false };
    uint64_t count = 0;
};

constexpr uint64_t kNoHangNs = 5'000'000'000ull; // a regression fails instead of hanging

} // namespace

TEST_CASE("ports: an answer the kernel refuses reaches the client as an error, and the server goes on")
{
    HostKernel kernel;
    HostTask& task = kernel.create_task();
    ports::Server server;
    BadAnswers answers;
    PortName port = 0;
    {
        ActAs as(task);
        REQUIRE(server.open() == Error::none);
        port = server.add_port(answers).value();
    }
    Error served = Error::none;
    std::thread worker([&] {
        ActAs serving(task);
        served = server.serve();
    });
    HostTask& client = kernel.create_task();
    PortName plain = kernel.give_send_right(task, port, client);
    {
        ActAs as(client);
        BadAnswer::Reply bad {};
        Error status = rpc::call<BadAnswer>(plain, {}, bad, {}, nullptr, kNoHangNs);
        CHECK(status != Error::none);
        CHECK(status != Error::timed_out);
        Increment::Reply counted {};
        CHECK(rpc::call<Increment>(plain, {}, counted, {}, nullptr, kNoHangNs) == Error::none);
        CHECK(counted.value == 1);

        // Deferred, then answered with the same bad right: the waiting client is told too.
        std::atomic<Error> deferred_status { Error::none };
        std::thread waiter([&] {
            ActAs waiting(client);
            DeferBadAnswer::Reply reply {};
            deferred_status.store(rpc::call<DeferBadAnswer>(plain, {}, reply, {}, nullptr, kNoHangNs));
        });
        while (!answers.taken.load())
            std::this_thread::yield();
        AnswerDeferred::Reply answered {};
        CHECK(rpc::call<AnswerDeferred>(plain, {}, answered, {}, nullptr, kNoHangNs) == Error::none);
        waiter.join();
        CHECK(deferred_status.load() != Error::none);
        CHECK(deferred_status.load() != Error::timed_out);
        CHECK(rpc::call<Increment>(plain, {}, counted, {}, nullptr, kNoHangNs) == Error::none);
        CHECK(counted.value == 2);
        REQUIRE(mach::port_deallocate(client.task_name(), plain) == Error::none);
    }
    {
        ActAs as(task);
        server.shut_down();
    }
    worker.join();
    CHECK(served == Error::none);
    ActAs as(task);
    server.close();
}
