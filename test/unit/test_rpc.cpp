// Typed RPC (lib/rpc) over the host kernel: calls, rights and payloads in
// both directions, and every way a request or a reply can be wrong.
#include <catch.hpp>
#include <rpc/client.h>
#include <rpc/server.h>
#include <runtime/mach.h>
#include <support/host_kernel.h>

#include <cstring>
#include <memory>
#include <thread>

using mach::Disposition;
using mach::PortName;
using test_support::ActAs;
using test_support::HostKernel;
using test_support::HostTask;

namespace {

// A small interface for the tests.
struct Add : rpc::Operation<9001> {
    struct alignas(8) Request {
        int64_t a, b;
    };
    struct alignas(8) Reply {
        int64_t sum;
        uint64_t payload; // what the request came through
    };
};

struct Echo : rpc::Operation<9002> {
    struct alignas(8) Request {
        rpc::Bytes<512> data;
        uint32_t wire_size() const { return data.end_within(this); }
        bool valid() const { return data.valid(); }
    };
    using Reply = Request;
};

// Mints a send right with `payload` to the service and hands it back.
struct Open : rpc::Operation<9003, 0, 1> {
    struct alignas(8) Request {
        uint64_t payload;
    };
    using Reply = rpc::Empty;
};

// Hands the server a send right; it answers through it with a one-way message.
struct Notify : rpc::Operation<9004, 1> {
    struct alignas(8) Request {
        uint64_t value;
    };
    using Reply = rpc::Empty;
};

struct Fail : rpc::Operation<9005> {
    struct alignas(8) Request {
        int32_t status;
        uint32_t reserved;
    };
    using Reply = rpc::Empty;
};

// Answered later: when a Wake comes (with its value), or never (dropped, on a Wake with value 0).
struct Park : rpc::Operation<9006> {
    using Request = rpc::Empty;
    struct alignas(8) Reply {
        uint64_t value;
    };
};

struct Wake : rpc::Operation<9007> {
    struct alignas(8) Request {
        uint64_t value;
    };
    using Reply = rpc::Empty;
};

using TestInterface = rpc::Interface<Add, Echo, Open, Notify, Fail, Park, Wake>;

struct Handler {
    PortName service;
    PortName task;

    Error serve(Add, const rpc::Incoming<Add>& in, rpc::Outgoing<Add>& out)
    {
        out.body.sum = in.body.a + in.body.b;
        out.body.payload = in.payload;
        return Error::none;
    }
    Error serve(Echo, const rpc::Incoming<Echo>& in, rpc::Outgoing<Echo>& out)
    {
        out.body.data.length = in.body.data.length;
        std::memcpy(out.body.data.bytes, in.body.data.bytes, in.body.data.length);
        return Error::none;
    }
    Error serve(Open, const rpc::Incoming<Open>& in, rpc::Outgoing<Open>& out)
    {
        PortName send = 0;
        Error made = mach::port_make_send_with_payload(task, service, in.body.payload, &send);
        out.rights[0] = { send, Disposition::move_send };
        return made;
    }
    Error serve(Notify, const rpc::Incoming<Notify>& in, rpc::Outgoing<Notify>&)
    {
        struct {
            mach::MessageHeader header;
            uint64_t value;
        } message {};
        message.header.destination = in.rights[0].name;
        message.header.destination_disposition = Disposition::move_send;
        message.header.size = sizeof(message);
        message.header.id = 77;
        message.value = in.body.value;
        return mach::msg(&message.header, mach::kSend, sizeof(message), 0, 0);
    }
    Error serve(Fail, const rpc::Incoming<Fail>& in, rpc::Outgoing<Fail>&) { return Error(in.body.status); }

    rpc::Deferred<Park> parked;
    Error serve(Park, const rpc::Incoming<Park>& in, rpc::Outgoing<Park>&)
    {
        parked = rpc::Deferred<Park>::take(in);
        return Error::none;
    }
    Error serve(Wake, const rpc::Incoming<Wake>& in, rpc::Outgoing<Wake>&)
    {
        if (!parked.pending())
            return Error::not_found;
        if (in.body.value == 0)
            parked.drop();
        else if (in.body.value == 1)
            parked.answer(Error::busy);
        else
            parked.answer(Error::none, { in.body.value });
        return Error::none;
    }
};

// A server task answering TestInterface on one port until it loses its senders.
class TestServer {
public:
    explicit TestServer(HostKernel& kernel)
        : m_task(kernel.create_task())
    {
        ActAs as(m_task);
        REQUIRE(mach::port_allocate(m_task.task_name(), mach::RightType::receive, &m_service) == Error::none);
        PortName previous = 0;
        REQUIRE(mach::port_request_notification(m_task.task_name(), m_service, mach::NotificationKind::no_senders,
                    m_service, Disposition::make_send_once, &previous)
            == Error::none);
    }
    ~TestServer()
    {
        if (m_thread.joinable())
            m_thread.join();
    }
    HostTask& task() { return m_task; }
    PortName service() const { return m_service; }
    void start()
    {
        m_thread = std::thread([this] { run(); });
    }
    void join() { m_thread.join(); }

private:
    void run()
    {
        ActAs as(m_task);
        Handler handler { m_service, m_task.task_name(), {} };
        auto request = std::make_unique<rpc::ReplyBuffer>(); // any message-sized buffer
        auto reply = std::make_unique<rpc::ReplyBuffer>();
        reply->size = 0;
        for (;;) {
            mach::MessageHeader& in = request->header();
            Error received = reply->size ? mach::msg(&reply->header(), mach::kSend, reply->size, 0, 0) : Error::none;
            (void)received; // a client that went away loses its answer
            received = mach::msg(&in, mach::kReceive, 0, sizeof(request->bytes), m_service);
            if (received != Error::none)
                return;
            if (in.id == uint32_t(mach::NotificationKind::no_senders))
                return;
            if (!TestInterface::dispatch(handler, in, *reply))
                rpc::refuse(in, Error::not_supported, *reply);
        }
    }

    HostTask& m_task;
    PortName m_service = 0;
    std::thread m_thread;
};

} // namespace

namespace {

// The client's side: a task with a send right to the server's port.
struct Client {
    HostTask& task;
    PortName server;
    Client(HostKernel& kernel, TestServer& test_server)
        : task(kernel.create_task())
        , server(kernel.give_send_right(test_server.task(), test_server.service(), task))
    {
    }
};

// A test server started, and a client thread acting for its task.
struct Served {
    HostKernel kernel;
    TestServer server { kernel };
    Client client { kernel, server };
    bool started = (server.start(), true);
    ActAs as { client.task };
};

template <typename Op> Error call(const typename Op::Request& request, typename Op::Reply& reply, PortName server)
{
    return rpc::call<Op>(server, request, reply);
}

struct RawMessage {
    mach::MessageHeader header;
    mach::Descriptor descriptor;
    uint8_t body[600];
};

// Sends hand-made bytes as a request and returns the status of the answer.
Error raw_call(PortName server, RawMessage& message, uint32_t size)
{
    PortName reply = rpc::reply_port().value();
    message.header.destination = server;
    message.header.destination_disposition = Disposition::copy_send;
    message.header.reply = reply;
    message.header.reply_disposition = Disposition::make_send_once;
    message.header.size = size;
    Error sent = mach::msg(&message.header, mach::kSend | mach::kReceive, size, sizeof(message), reply);
    if (sent != Error::none)
        return sent;
    REQUIRE(message.header.id == (9999u | rpc::kReplyBit));
    REQUIRE(message.header.size == sizeof(mach::MessageHeader) + sizeof(rpc::Status));
    return Error(reinterpret_cast<rpc::Status*>(&message.header + 1)->error);
}

} // namespace

TEST_CASE("rpc: a call gets its answer")
{
    Served served;
    [[maybe_unused]] HostKernel& kernel = served.kernel;
    [[maybe_unused]] TestServer& server = served.server;
    Client& client = served.client;
    for (int64_t i = 0; i < 100; i++) {
        Add::Reply reply {};
        REQUIRE(call<Add>({ i, 1000 }, reply, client.server) == Error::none);
        CHECK(reply.sum == i + 1000);
        CHECK(reply.payload == 0);
    }
    REQUIRE(mach::port_deallocate(client.task.task_name(), client.server) == Error::none);
}

TEST_CASE("rpc: a deferred answer comes when the server sends it, and a dropped one ends the call")
{
    Served served;
    HostKernel& kernel = served.kernel;
    Client& client = served.client;
    HostTask& waker = kernel.create_task();
    PortName waker_server = kernel.give_send_right(served.server.task(), served.server.service(), waker);
    // The waker asks until the park has arrived (not_found before).
    auto wake = [&](uint64_t value) {
        return std::thread([&, value] {
            ActAs as(waker);
            Wake::Reply none {};
            while (rpc::call<Wake>(waker_server, { value }, none) == Error::not_found)
                std::this_thread::yield();
        });
    };
    struct Case {
        uint64_t value;
        Error status;
    };
    for (Case c : { Case { 42, Error::none }, Case { 1, Error::busy }, Case { 0, Error::port_dead } }) {
        std::thread waking = wake(c.value);
        Park::Reply reply {};
        CHECK(rpc::call<Park>(client.server, {}, reply) == c.status);
        if (c.status == Error::none)
            CHECK(reply.value == 42);
        waking.join();
    }
    {
        ActAs as(waker);
        REQUIRE(mach::port_deallocate(waker.task_name(), waker_server) == Error::none);
    }
    REQUIRE(mach::port_deallocate(client.task.task_name(), client.server) == Error::none);
}

TEST_CASE("rpc: variable-length bodies travel as long as they are")
{
    Served served;
    [[maybe_unused]] HostKernel& kernel = served.kernel;
    [[maybe_unused]] TestServer& server = served.server;
    Client& client = served.client;
    for (uint32_t length : { 0u, 1u, 7u, 8u, 100u, 512u }) {
        Echo::Request request {};
        request.data.length = length;
        for (uint32_t i = 0; i < length; i++)
            request.data.bytes[i] = uint8_t(i * 7 + length);
        Echo::Reply reply {};
        REQUIRE(call<Echo>(request, reply, client.server) == Error::none);
        CHECK(reply.data.length == length);
        CHECK(std::memcmp(reply.data.bytes, request.data.bytes, length) == 0);
    }
    REQUIRE(mach::port_deallocate(client.task.task_name(), client.server) == Error::none);
}

TEST_CASE("rpc: a reply carries a right minted with a payload")
{
    Served served;
    [[maybe_unused]] HostKernel& kernel = served.kernel;
    [[maybe_unused]] TestServer& server = served.server;
    Client& client = served.client;
    rpc::Rights<1> got;
    Open::Reply opened {};
    REQUIRE(rpc::call<Open>(client.server, { 0xfeed }, opened, {}, &got) == Error::none);
    REQUIRE(got[0].name != mach::kNullName);
    CHECK(got[0].disposition == Disposition::move_send);
    Add::Reply reply {};
    REQUIRE(call<Add>({ 1, 2 }, reply, got[0].name) == Error::none);
    CHECK(reply.payload == 0xfeed);
    // Without `got`, a right that comes back is released, not leaked.
    uint32_t names = kernel.name_count(client.task);
    REQUIRE(rpc::call<Open>(client.server, { 0xbeef }, opened) == Error::none);
    CHECK(kernel.name_count(client.task) == names);
    REQUIRE(mach::port_deallocate(client.task.task_name(), got[0].name) == Error::none);
    REQUIRE(mach::port_deallocate(client.task.task_name(), client.server) == Error::none);
}

TEST_CASE("rpc: a request carries a right")
{
    Served served;
    [[maybe_unused]] HostKernel& kernel = served.kernel;
    [[maybe_unused]] TestServer& server = served.server;
    Client& client = served.client;
    PortName inbox = 0;
    REQUIRE(mach::port_allocate(client.task.task_name(), mach::RightType::receive, &inbox) == Error::none);
    Notify::Reply reply {};
    REQUIRE(rpc::call<Notify>(client.server, { 42 }, reply, { { { inbox, Disposition::make_send } } }) == Error::none);
    struct {
        mach::MessageHeader header;
        uint64_t value;
    } note {};
    REQUIRE(mach::msg(&note.header, mach::kReceive, 0, sizeof(note), inbox) == Error::none);
    CHECK(note.header.id == 77);
    CHECK(note.value == 42);
    REQUIRE(mach::port_destroy(client.task.task_name(), inbox) == Error::none);
    REQUIRE(mach::port_deallocate(client.task.task_name(), client.server) == Error::none);
}

TEST_CASE("rpc: the server's status comes back; a status that is no error is an invalid reply")
{
    Served served;
    [[maybe_unused]] HostKernel& kernel = served.kernel;
    [[maybe_unused]] TestServer& server = served.server;
    Client& client = served.client;
    Fail::Reply reply {};
    CHECK(call<Fail>({ int32_t(Error::not_found), 0 }, reply, client.server) == Error::not_found);
    CHECK(call<Fail>({ int32_t(Error::permission_denied), 0 }, reply, client.server) == Error::permission_denied);
    CHECK(call<Fail>({ 0, 0 }, reply, client.server) == Error::none);
    CHECK(call<Fail>({ 9999, 0 }, reply, client.server) == Error::invalid_reply);
    CHECK(call<Fail>({ -5, 0 }, reply, client.server) == Error::invalid_reply);
    REQUIRE(mach::port_deallocate(client.task.task_name(), client.server) == Error::none);
}

TEST_CASE("rpc: malformed requests are refused and what they carried is released")
{
    Served served;
    [[maybe_unused]] HostKernel& kernel = served.kernel;
    [[maybe_unused]] TestServer& server = served.server;
    Client& client = served.client;
    uint32_t server_names = kernel.name_count(server.task());
    auto message = std::make_unique<RawMessage>();
    constexpr uint32_t kHeader = sizeof(mach::MessageHeader);

    SECTION("an id the server does not serve")
    {
        *message = {};
        message->header.id = 9999;
        // (raw_call expects replies to id 9999: the refusal answers the id that came)
        CHECK(raw_call(client.server, *message, kHeader + 16) == Error::not_supported);
    }
    SECTION("a fixed body too short or too long")
    {
        for (uint32_t size : { kHeader, kHeader + 8, kHeader + 24 }) {
            *message = {};
            message->header.id = Add::kId;
            PortName reply = rpc::reply_port().value();
            message->header.destination = client.server;
            message->header.destination_disposition = Disposition::copy_send;
            message->header.reply = reply;
            message->header.reply_disposition = Disposition::make_send_once;
            message->header.size = size;
            REQUIRE(mach::msg(&message->header, mach::kSend | mach::kReceive, size, sizeof(*message), reply)
                == Error::none);
            CHECK(message->header.id == (Add::kId | rpc::kReplyBit));
            CHECK(reinterpret_cast<rpc::Status*>(&message->header + 1)->error == int32_t(Error::invalid_argument));
        }
    }
    SECTION("variable data longer than its field, or longer than the message")
    {
        for (uint32_t length : { 513u, 64u }) {
            *message = {};
            message->header.id = Echo::kId;
            uint32_t claimed = length;
            std::memcpy(message->body - sizeof(mach::Descriptor), &claimed, sizeof(claimed));
            PortName reply = rpc::reply_port().value();
            message->header.destination = client.server;
            message->header.destination_disposition = Disposition::copy_send;
            message->header.reply = reply;
            message->header.reply_disposition = Disposition::make_send_once;
            message->header.size = kHeader + 8 + 16; // says `length`, carries 16
            REQUIRE(
                mach::msg(&message->header, mach::kSend | mach::kReceive, message->header.size, sizeof(*message), reply)
                == Error::none);
            CHECK(reinterpret_cast<rpc::Status*>(&message->header + 1)->error == int32_t(Error::invalid_argument));
        }
    }
    SECTION("a right the operation does not take")
    {
        PortName extra = 0;
        REQUIRE(mach::port_allocate(client.task.task_name(), mach::RightType::receive, &extra) == Error::none);
        *message = {};
        message->header.id = Add::kId;
        message->header.descriptor_count = 1;
        message->descriptor.port = { mach::DescriptorType::port, Disposition::make_send, 0, extra, 0 };
        PortName reply = rpc::reply_port().value();
        message->header.destination = client.server;
        message->header.destination_disposition = Disposition::copy_send;
        message->header.reply = reply;
        message->header.reply_disposition = Disposition::make_send_once;
        message->header.size = kHeader + 16 + 16;
        REQUIRE(mach::msg(&message->header, mach::kSend | mach::kReceive, message->header.size, sizeof(*message), reply)
            == Error::none);
        CHECK(reinterpret_cast<rpc::Status*>(&message->header + 1)->error == int32_t(Error::invalid_argument));
        REQUIRE(mach::port_destroy(client.task.task_name(), extra) == Error::none);
    }
    REQUIRE(mach::port_deallocate(client.task.task_name(), client.server) == Error::none);
    server.join();
    // Every refused right was released: the server holds what it held before.
    CHECK(kernel.name_count(server.task()) == server_names);
}

namespace {

// A server task whose port gets one request at a time, answered by hand.
struct HandServer {
    HostTask& task;
    PortName service = 0;
    explicit HandServer(HostKernel& kernel)
        : task(kernel.create_task())
    {
        ActAs as(task);
        REQUIRE(mach::port_allocate(task.task_name(), mach::RightType::receive, &service) == Error::none);
    }
};

struct ReplyWithRight {
    mach::MessageHeader header;
    mach::Descriptor descriptor;
    rpc::Status status;
    uint32_t length, reserved; // an Echo reply's data, empty
};

} // namespace

TEST_CASE("rpc: a server that dies before answering makes the call fail, not hang")
{
    HostKernel kernel;
    HandServer server(kernel);
    HostTask& client = kernel.create_task();
    PortName send = kernel.give_send_right(server.task, server.service, client);
    Error status = Error::none;
    std::thread calling([&] {
        ActAs as(client);
        Add::Reply reply {};
        status = rpc::call<Add>(send, { 1, 2 }, reply);
    });
    {
        ActAs as(server.task);
        RawMessage request {};
        REQUIRE(mach::msg(&request.header, mach::kReceive, 0, sizeof(request), server.service) == Error::none);
    }
    kernel.kill(server.task);
    calling.join();
    CHECK(status == Error::port_dead);
}

TEST_CASE("rpc: a reply that does not fit the call is refused and what it carried released")
{
    HostKernel kernel;
    HandServer server(kernel);
    HostTask& client = kernel.create_task();
    PortName send = kernel.give_send_right(server.task, server.service, client);
    uint32_t baseline = kernel.name_count(client);
    // How the hand-made answer goes wrong.
    int how = GENERATE(0, 1, 2, 3, 4, 5);
    Error status = Error::none;
    std::thread calling([&] {
        ActAs as(client);
        auto reply = std::make_unique<Echo::Reply>();
        status = rpc::call<Echo>(send, Echo::Request {}, *reply);
    });
    {
        ActAs as(server.task);
        RawMessage request {};
        REQUIRE(mach::msg(&request.header, mach::kReceive, 0, sizeof(request), server.service) == Error::none);
        PortName extra = 0;
        REQUIRE(mach::port_allocate(server.task.task_name(), mach::RightType::receive, &extra) == Error::none);
        ReplyWithRight answer {};
        answer.header.destination = request.header.reply;
        answer.header.destination_disposition = Disposition::move_send_once;
        answer.header.id = Echo::kId | rpc::kReplyBit;
        answer.header.size = sizeof(answer);
        answer.header.descriptor_count = 1;
        answer.descriptor.port = { mach::DescriptorType::port, Disposition::make_send, 0, extra, 0 };
        switch (how) {
        case 0: answer.header.id = 12345; break; // another call's answer
        case 1: break; // a right the operation does not return
        case 2: answer.status.error = int32_t(Error::not_found); break; // an error with a right
        case 3: answer.header.size -= 8; break; // a body cut short
        case 4:
            answer.header.reply = extra;
            answer.header.reply_disposition = Disposition::make_send;
            break;
        case 5:
            answer.length = 9999;
            answer.header.descriptor_count = 0;
            break; // data longer than its field
        }
        if (how == 5) { // the same answer without the right
            std::memmove(&answer.descriptor, &answer.status, sizeof(answer.status) + 8);
            answer.header.size -= sizeof(mach::Descriptor);
            REQUIRE(mach::port_destroy(server.task.task_name(), extra) == Error::none);
        }
        REQUIRE(mach::msg(&answer.header, mach::kSend, answer.header.size, 0, 0) == Error::none);
    }
    calling.join();
    INFO("answer " << how);
    CHECK(status == Error::invalid_reply);
    // The client's space holds what it held before the call, plus its reply port.
    CHECK(kernel.name_count(client) == baseline + 1);
}

// A notification in place of a reply: the kernel's "reply lost" notice (the
// caller's account could not pay for the answer) reads as no_memory, a
// send-once right destroyed unanswered as port_dead; neither as a reply.
TEST_CASE("rpc: a reply-lost notice in place of the reply is no_memory, a dropped reply right port_dead")
{
    struct {
        mach::MessageHeader header;
        mach::NotificationBody body;
    } notice {};
    notice.header.id = uint32_t(mach::NotificationKind::send_once);
    notice.header.size = sizeof(notice);
    notice.body.flags = mach::kReplyLost;
    uint32_t reply_id = 7 | rpc::kReplyBit;
    CHECK(rpc::detail::check_reply(notice.header, reply_id, sizeof(notice.header), nullptr, 0) == Error::no_memory);
    notice.body.flags = 0;
    CHECK(rpc::detail::check_reply(notice.header, reply_id, sizeof(notice.header), nullptr, 0) == Error::port_dead);
    // A notice cut short carries no flag to trust.
    notice.body.flags = mach::kReplyLost;
    notice.header.size = sizeof(notice.header);
    CHECK(rpc::detail::check_reply(notice.header, reply_id, sizeof(notice.header), nullptr, 0) == Error::port_dead);
}
