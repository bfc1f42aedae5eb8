// IPC core: who pays for a queued reply. A message through a send-once
// right is charged to the task that will receive it, so a client that asks
// and never reads exhausts its own account: its replies are dropped (its
// port hears so once), the server's sends all succeed and cost it nothing.
#include <catch.hpp>
#include <support/ipc_world.h>

#include <cstring>
#include <vector>

using namespace test_support;
using mach::Disposition;
using mach::NotificationKind;
using mach::PortName;
using mach::RightType;

namespace {

// A client with a reply port, asking the server of `ClientServer`.
struct Asking : ClientServer {
    PortName reply = new_receive_right(*client);

    // The client's request (with a fresh send-once reply right); the
    // server takes it and returns the name of that reply right.
    Error ask()
    {
        return send_message(*client,
            TestMessage().to(service_send, Disposition::copy_send).reply_to(reply, Disposition::make_send_once));
    }
    PortName take_request()
    {
        TestMessage request;
        REQUIRE(receive_message(*server, service, request) == Error::none);
        REQUIRE(request.header.reply_disposition == Disposition::move_send_once);
        return request.header.reply;
    }
    // ask() and take_request() together.
    PortName asked()
    {
        REQUIRE(ask() == Error::none);
        return take_request();
    }
    Error answer(PortName reply_right, size_t bytes = 400)
    {
        std::vector<uint8_t> data(bytes, 7);
        return send_message(*server,
            TestMessage()
                .to(reply_right, Disposition::move_send_once)
                .with_id(100)
                .with_body(data.data(), data.size()));
    }
};

} // namespace

TEST_CASE("ipc: a queued reply is charged to the client that receives it, not to the server")
{
    IpcWorld world;
    Asking a;
    REQUIRE(a.ask() == Error::none);
    CHECK(a.client->account().in_flight() > 0); // the request, the client's own send
    PortName reply_right = a.take_request();
    CHECK(a.client->account().in_flight() == 0);
    REQUIRE(a.answer(reply_right) == Error::none);
    CHECK(a.server->account().in_flight() == 0);
    CHECK(a.client->account().in_flight() > 400);
    TestMessage m;
    REQUIRE(receive_message(*a.client, a.reply, m) == Error::none);
    CHECK(m.header.id == 100);
    CHECK(a.client->account().in_flight() == 0);
}

TEST_CASE("ipc: a client that never reads its replies exhausts only its own account")
{
    IpcWorld world;
    Asking a;
    a.client->account().set_limit(4096);
    a.server->account().set_limit(4096);
    // The server holds many unanswered requests, then answers them all.
    std::vector<PortName> pending;
    for (int i = 0; i < 40; i++) {
        REQUIRE(a.ask() == Error::none);
        pending.push_back(a.take_request());
    }
    size_t dropped = ipc::statistics().replies_dropped;
    for (PortName reply_right : pending)
        CHECK(a.answer(reply_right) == Error::none); // never refused, never blocks
    CHECK(a.server->account().in_flight() == 0);
    CHECK(a.client->account().in_flight() <= 4096);
    CHECK(ipc::statistics().replies_dropped > dropped);
    // While its account is exhausted, the client's requests are refused before the server sees them.
    CHECK(a.ask() == Error::no_space);
    // The server answers another client as before.
    ipc::NameSpace* other = ipc::NameSpace::create().value();
    PortName other_send = a.server->extract_right(a.service, Disposition::make_send, *other).value();
    PortName other_reply = new_receive_right(*other);
    REQUIRE(send_message(*other,
                TestMessage().to(other_send, Disposition::copy_send).reply_to(other_reply, Disposition::make_send_once))
        == Error::none);
    REQUIRE(a.answer(a.take_request()) == Error::none);
    TestMessage m;
    CHECK(receive_message(*other, other_reply, m) == Error::none);
    CHECK(m.header.id == 100);
    ipc::NameSpace::destroy(other);
    // The client reads what was kept, then one "reply lost" notice for all that was dropped.
    int replies = 0, notices = 0;
    while (receive_message(*a.client, a.reply, m) == Error::none) {
        if (m.header.id == 100)
            replies++;
        else if (m.header.id == uint32_t(NotificationKind::send_once)) {
            notices++;
            mach::NotificationBody body {};
            REQUIRE(m.body.size() == sizeof(body));
            std::memcpy(&body, m.body.data(), sizeof(body));
            CHECK(body.flags == mach::kReplyLost); // told apart from a right destroyed unused
        }
    }
    CHECK(replies > 0);
    CHECK(replies < 40);
    CHECK(notices == 1);
    CHECK(a.client->account().in_flight() == 0);
    // With the account free again, replies arrive again.
    REQUIRE(a.ask() == Error::none);
    REQUIRE(a.answer(a.take_request()) == Error::none);
    REQUIRE(receive_message(*a.client, a.reply, m) == Error::none);
    CHECK(m.header.id == 100);
}

TEST_CASE("ipc: each time its notice was read, a client that drops replies again hears so again")
{
    IpcWorld world;
    Asking a;
    a.client->account().set_limit(1024);
    for (int round = 0; round < 2; round++) {
        PortName first = a.asked();
        PortName second = a.asked();
        REQUIRE(a.answer(first, 700) == Error::none); // fits
        REQUIRE(a.answer(second, 700) == Error::none); // dropped
        TestMessage m;
        REQUIRE(receive_message(*a.client, a.reply, m) == Error::none);
        CHECK(m.header.id == 100);
        REQUIRE(receive_message(*a.client, a.reply, m) == Error::none);
        CHECK(m.header.id == uint32_t(NotificationKind::send_once));
        CHECK(receive_message(*a.client, a.reply, m) == Error::timed_out);
    }
}

TEST_CASE("ipc: a reply to a port whose receive right travels is charged to where it is going")
{
    IpcWorld world;
    Asking a;
    PortName reply_right = a.asked();
    // The client sends its reply port's receive right to a third task, which does not receive yet.
    ipc::NameSpace* third = ipc::NameSpace::create().value();
    PortName inbox = new_receive_right(*third);
    PortName inbox_send = third->extract_right(inbox, Disposition::make_send, *a.client).value();
    REQUIRE(send_message(*a.client,
                TestMessage().to(inbox_send, Disposition::copy_send).with_port(a.reply, Disposition::move_receive))
        == Error::none);
    uint64_t before = third->account().in_flight();
    REQUIRE(a.answer(reply_right) == Error::none);
    CHECK(third->account().in_flight() > before + 400);
    CHECK(a.server->account().in_flight() == 0);
    ipc::NameSpace::destroy(third); // the inbox dies, and the reply port in it with its reply
}

TEST_CASE("ipc: a reply through a plain send right is still the sender's to pay")
{
    IpcWorld world;
    Asking a;
    PortName reply_send = a.client->extract_right(a.reply, Disposition::make_send, *a.server).value();
    REQUIRE(send_message(*a.server, TestMessage().to(reply_send, Disposition::copy_send)) == Error::none);
    CHECK(a.server->account().in_flight() > 0);
    CHECK(a.client->account().in_flight() == 0);
    TestMessage m;
    REQUIRE(receive_message(*a.client, a.reply, m) == Error::none);
    CHECK(a.server->account().in_flight() == 0);
}
