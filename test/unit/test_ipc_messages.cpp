// IPC core: messages — every disposition in every field, payloads, queues,
// out-of-line regions, and every way a send or receive can be refused.
#include <catch.hpp>
#include <support/ipc_world.h>

#include <cstring>

using namespace test_support;
using mach::Disposition;
using mach::PortName;
using mach::RightType;

using Pair = ClientServer;

TEST_CASE("ipc: a message carries id, inline data and the destination name of the receiver")
{
    IpcWorld world;
    Pair p;
    const char text[] = "hello, port";
    REQUIRE(send_message(*p.client,
                TestMessage().to(p.service_send, Disposition::copy_send).with_id(42).with_body(text, sizeof(text)))
        == Error::none);
    TestMessage m;
    REQUIRE(receive_message(*p.server, p.service, m) == Error::none);
    CHECK(m.header.id == 42);
    CHECK(m.header.destination == p.service);
    CHECK(m.header.payload == 0);
    CHECK(m.header.reply == mach::kNullName);
    CHECK(std::strcmp(reinterpret_cast<const char*>(m.body.data()), text) == 0);
    CHECK(references_of(*p.client, p.service_send) == 1); // copy_send kept it
    CHECK(receive_message(*p.server, p.service, m) == Error::timed_out);
}

TEST_CASE("ipc: destination dispositions")
{
    IpcWorld world;
    Pair p;
    TestMessage m;
    SECTION("move_send gives the right away")
    {
        REQUIRE(send_message(*p.client, TestMessage().to(p.service_send, Disposition::move_send)) == Error::none);
        CHECK(p.client->type(p.service_send).error() == Error::invalid_name);
    }
    SECTION("make_send and make_send_once from one's own receive right")
    {
        REQUIRE(send_message(*p.server, TestMessage().to(p.service, Disposition::make_send)) == Error::none);
        REQUIRE(send_message(*p.server, TestMessage().to(p.service, Disposition::make_send_once)) == Error::none);
        CHECK(type_of(*p.server, p.service) == RightType::receive);
    }
    SECTION("move_send_once uses the send-once right up")
    {
        PortName once = p.server->extract_right(p.service, Disposition::make_send_once, *p.client).value();
        REQUIRE(send_message(*p.client, TestMessage().to(once, Disposition::move_send_once).with_id(5)) == Error::none);
        CHECK(p.client->type(once).error() == Error::invalid_name);
        REQUIRE(receive_message(*p.server, p.service, m) == Error::none);
        CHECK(m.header.id == 5); // not a send-once notification: the right was used
        CHECK(receive_message(*p.server, p.service, m) == Error::timed_out);
    }
    SECTION("wrong combinations are refused and change nothing")
    {
        CHECK(send_message(*p.client, TestMessage().to(p.service_send, Disposition::move_receive))
            == Error::invalid_disposition);
        CHECK(
            send_message(*p.client, TestMessage().to(p.service_send, Disposition::none)) == Error::invalid_disposition);
        CHECK(send_message(*p.client, TestMessage().to(p.service_send, Disposition(9))) == Error::invalid_disposition);
        CHECK(
            send_message(*p.client, TestMessage().to(p.service_send, Disposition::make_send)) == Error::invalid_right);
        CHECK(send_message(*p.client, TestMessage().to(p.service_send, Disposition::move_send_once))
            == Error::invalid_right);
        CHECK(send_message(*p.server, TestMessage().to(p.service, Disposition::copy_send)) == Error::invalid_right);
        CHECK(send_message(*p.client, TestMessage().to(0x12345, Disposition::copy_send)) == Error::invalid_name);
        CHECK(
            send_message(*p.client, TestMessage().to(mach::kNullName, Disposition::copy_send)) == Error::invalid_name);
        CHECK(references_of(*p.client, p.service_send) == 1);
    }
    CHECK(ipc::statistics().messages <= 2);
}

TEST_CASE("ipc: the reply field carries a send-once right and the receiver answers through it")
{
    IpcWorld world;
    Pair p;
    PortName reply = new_receive_right(*p.client);
    REQUIRE(send_message(*p.client,
                TestMessage()
                    .to(p.service_send, Disposition::copy_send)
                    .reply_to(reply, Disposition::make_send_once)
                    .with_id(1))
        == Error::none);
    TestMessage request;
    REQUIRE(receive_message(*p.server, p.service, request) == Error::none);
    CHECK(request.header.reply_disposition == Disposition::move_send_once);
    CHECK(type_of(*p.server, request.header.reply) == RightType::send_once);
    REQUIRE(send_message(*p.server, TestMessage().to(request.header.reply, Disposition::move_send_once).with_id(2))
        == Error::none);
    CHECK(p.server->type(request.header.reply).error() == Error::invalid_name);
    TestMessage answer;
    REQUIRE(receive_message(*p.client, reply, answer) == Error::none);
    CHECK(answer.header.id == 2);
    CHECK(answer.header.destination == reply);
}

TEST_CASE("ipc: reply field dispositions and their refusals")
{
    IpcWorld world;
    Pair p;
    PortName reply = new_receive_right(*p.client);
    TestMessage m;
    for (Disposition d : { Disposition::make_send, Disposition::make_send_once }) {
        REQUIRE(send_message(*p.client, TestMessage().to(p.service_send, Disposition::copy_send).reply_to(reply, d))
            == Error::none);
        REQUIRE(receive_message(*p.server, p.service, m) == Error::none);
        CHECK(m.header.reply != mach::kNullName);
        REQUIRE(p.server->destroy_name(m.header.reply).ok());
    }
    CHECK(send_message(*p.client,
              TestMessage().to(p.service_send, Disposition::copy_send).reply_to(reply, Disposition::move_receive))
        == Error::invalid_disposition);
    CHECK(send_message(
              *p.client, TestMessage().to(p.service_send, Disposition::copy_send).reply_to(reply, Disposition::none))
        == Error::invalid_disposition);
    CHECK(
        send_message(*p.client,
            TestMessage().to(p.service_send, Disposition::copy_send).reply_to(mach::kNullName, Disposition::make_send))
        == Error::invalid_disposition);
    CHECK(send_message(*p.client,
              TestMessage().to(p.service_send, Disposition::copy_send).reply_to(reply, Disposition::copy_send))
        == Error::invalid_right);
    // The send-once notification a destroyed reply right produced is queued on `reply`.
    REQUIRE(receive_message(*p.client, reply, m) == Error::none);
    CHECK(m.header.id == uint32_t(mach::NotificationKind::send_once));
}

TEST_CASE("ipc: port descriptors carry every kind of right")
{
    IpcWorld world;
    Pair p;
    PortName a = new_receive_right(*p.client);
    PortName b = new_receive_right(*p.client);
    PortName c = new_receive_right(*p.client);
    REQUIRE(p.client->insert_right(b, *p.client, b, Disposition::make_send).ok());
    PortName once = p.client->extract_right(c, Disposition::make_send_once, *p.client).value();
    PortName dead = p.client->allocate(RightType::dead_name).value();
    REQUIRE(send_message(*p.client,
                TestMessage()
                    .to(p.service_send, Disposition::copy_send)
                    .with_port(a, Disposition::move_receive)
                    .with_port(b, Disposition::copy_send)
                    .with_port(c, Disposition::make_send)
                    .with_port(c, Disposition::make_send_once)
                    .with_port(once, Disposition::move_send_once)
                    .with_port(dead, Disposition::move_send)
                    .with_port(mach::kNullName, Disposition::none))
        == Error::none);
    CHECK(p.client->type(a).error() == Error::invalid_name);
    CHECK(p.client->type(once).error() == Error::invalid_name);
    CHECK(p.client->type(dead).error() == Error::invalid_name);
    TestMessage m;
    REQUIRE(receive_message(*p.server, p.service, m) == Error::none);
    REQUIRE(m.descriptors.size() == 7);
    CHECK(m.descriptors[0].port.disposition == Disposition::move_receive);
    CHECK(type_of(*p.server, m.descriptors[0].port.name) == RightType::receive);
    CHECK(type_of(*p.server, m.descriptors[1].port.name) == RightType::send);
    CHECK(type_of(*p.server, m.descriptors[2].port.name) == RightType::send);
    CHECK(m.descriptors[3].port.disposition == Disposition::move_send_once);
    CHECK(type_of(*p.server, m.descriptors[3].port.name) == RightType::send_once);
    CHECK(type_of(*p.server, m.descriptors[4].port.name) == RightType::send_once);
    CHECK(m.descriptors[3].port.name != m.descriptors[4].port.name);
    CHECK(m.descriptors[5].port.name == mach::kDeadName);
    CHECK(m.descriptors[6].port.name == mach::kNullName);
    // The moved receive right works in its new space.
    PortName moved = m.descriptors[0].port.name;
    REQUIRE(send_message(*p.server, TestMessage().to(moved, Disposition::make_send).with_id(9)) == Error::none);
    REQUIRE(receive_message(*p.server, moved, m) == Error::none);
    CHECK(m.header.id == 9);
}

TEST_CASE("ipc: a send right received twice coalesces into one name")
{
    IpcWorld world;
    Pair p;
    PortName x = new_receive_right(*p.client);
    REQUIRE(send_message(*p.client,
                TestMessage()
                    .to(p.service_send, Disposition::copy_send)
                    .with_port(x, Disposition::make_send)
                    .with_port(x, Disposition::make_send))
        == Error::none);
    TestMessage m;
    REQUIRE(receive_message(*p.server, p.service, m) == Error::none);
    CHECK(m.descriptors[0].port.name == m.descriptors[1].port.name);
    CHECK(references_of(*p.server, m.descriptors[0].port.name) == 2);
    // Sent back to the receive right's holder, it joins the receive right's name.
    REQUIRE(send_message(*p.server,
                TestMessage()
                    .to(m.descriptors[0].port.name, Disposition::copy_send)
                    .with_port(m.descriptors[0].port.name, Disposition::move_send))
        == Error::none);
    REQUIRE(receive_message(*p.client, x, m) == Error::none);
    CHECK(m.descriptors[0].port.name == x);
    CHECK(type_of(*p.client, x) == (RightType::receive | RightType::send));
}

TEST_CASE("ipc: repeated uses of one name in a message")
{
    IpcWorld world;
    Pair p;
    PortName x = new_receive_right(*p.client);
    PortName send = p.client->extract_right(x, Disposition::make_send, *p.client).value();
    CHECK(send == x);
    // One reference cannot be moved twice, and nothing changes when that is refused.
    CHECK(send_message(*p.client,
              TestMessage()
                  .to(p.service_send, Disposition::copy_send)
                  .with_port(x, Disposition::move_send)
                  .with_port(x, Disposition::move_send))
        == Error::invalid_right);
    CHECK(references_of(*p.client, x) == 1);
    // A copy and the move of the last reference in one message both work.
    REQUIRE(send_message(*p.client,
                TestMessage()
                    .to(p.service_send, Disposition::copy_send)
                    .with_port(x, Disposition::move_send)
                    .with_port(x, Disposition::copy_send))
        == Error::none);
    CHECK(type_of(*p.client, x) == RightType::receive);
    // A receive right moved cannot be used again in the same message.
    CHECK(send_message(*p.client,
              TestMessage()
                  .to(p.service_send, Disposition::copy_send)
                  .with_port(x, Disposition::move_receive)
                  .with_port(x, Disposition::make_send))
        == Error::invalid_disposition);
    CHECK(send_message(*p.client, TestMessage().to(x, Disposition::make_send).with_port(x, Disposition::move_receive))
        == Error::invalid_disposition);
    CHECK(type_of(*p.client, x) == RightType::receive);
}

TEST_CASE("ipc: a receive right may not be sent into its own queue")
{
    IpcWorld world;
    Pair p;
    PortName x = new_receive_right(*p.client);
    PortName y = new_receive_right(*p.client);
    REQUIRE(p.client->insert_right(x, *p.client, x, Disposition::make_send).ok());
    REQUIRE(p.client->insert_right(y, *p.client, y, Disposition::make_send).ok());
    // Directly...
    CHECK(send_message(*p.client, TestMessage().to(x, Disposition::copy_send).with_port(x, Disposition::move_receive))
        == Error::invalid_disposition);
    // ...and through a chain: y's receive right goes into x's queue, then x's into y's.
    REQUIRE(send_message(*p.client, TestMessage().to(x, Disposition::copy_send).with_port(y, Disposition::move_receive))
        == Error::none);
    CHECK(send_message(*p.client, TestMessage().to(y, Disposition::copy_send).with_port(x, Disposition::move_receive))
        == Error::invalid_right);
    CHECK(type_of(*p.client, x) == (RightType::receive | RightType::send));
    // Destroying x destroys y with it (its receive right was in x's queue).
    REQUIRE(p.client->destroy_name(x).ok());
    CHECK(type_of(*p.client, y) == RightType::dead_name);
}

TEST_CASE("ipc: a long chain of ports in each other's queues dies without deep recursion")
{
    IpcWorld world;
    Pair p;
    PortName first = new_receive_right(*p.client);
    REQUIRE(p.client->insert_right(first, *p.client, first, Disposition::make_send).ok());
    PortName holder = first;
    for (int i = 0; i < 20000; i++) {
        PortName next = new_receive_right(*p.client);
        REQUIRE(p.client->insert_right(next, *p.client, next, Disposition::make_send).ok());
        REQUIRE(send_message(*p.client,
                    TestMessage().to(holder, Disposition::copy_send).with_port(next, Disposition::move_receive))
            == Error::none);
        REQUIRE(p.client->deallocate(holder).ok()); // keep only the newest send right
        holder = next;
    }
    CHECK(ipc::statistics().ports == 20002);
    REQUIRE(p.client->destroy_name(first).ok());
    REQUIRE(p.client->deallocate(holder).ok());
    CHECK(ipc::statistics().ports == 1);
}

TEST_CASE("ipc: malformed messages are refused")
{
    IpcWorld world;
    Pair p;
    auto raw_send = [&](std::vector<uint8_t> bytes) {
        Result<ipc::Message*> copied = ipc::copyin_message(*p.client, bytes.data(), uint32_t(bytes.size()));
        if (copied.ok()) {
            ipc::Message::destroy(copied.value());
            return Error::none;
        }
        return copied.error();
    };
    std::vector<uint8_t> good = TestMessage().to(p.service_send, Disposition::copy_send).bytes();
    CHECK(raw_send(good) == Error::none);
    std::vector<uint8_t> short_one(good.begin(), good.begin() + 24);
    CHECK(raw_send(short_one) == Error::invalid_argument);
    auto with = [&](auto change) {
        TestMessage m = TestMessage().to(p.service_send, Disposition::copy_send);
        std::vector<uint8_t> bytes = m.bytes();
        change(*reinterpret_cast<mach::MessageHeader*>(bytes.data()), bytes);
        return raw_send(bytes);
    };
    CHECK(with([](mach::MessageHeader& h, auto&) { h.size = 40; }) == Error::invalid_argument);
    CHECK(with([](mach::MessageHeader& h, auto&) { h.reserved = 1; }) == Error::invalid_argument);
    CHECK(with([](mach::MessageHeader& h, auto&) { h.descriptor_count = 1; }) == Error::invalid_argument);
    CHECK(with([](mach::MessageHeader& h, auto&) { h.descriptor_count = 0xffff; }) == Error::invalid_argument);
    CHECK(with([](mach::MessageHeader&, std::vector<uint8_t>& b) { b.push_back(0); }) == Error::invalid_argument);
    std::vector<uint8_t> huge(mach::kMaxMessageSize + 8);
    std::memcpy(huge.data(), good.data(), good.size());
    reinterpret_cast<mach::MessageHeader*>(huge.data())->size = uint32_t(huge.size());
    CHECK(raw_send(huge) == Error::too_large);
    // Descriptors: unknown type, reserved bits, bad flags, oversized regions.
    mach::Descriptor bad {};
    bad.type = mach::DescriptorType(7);
    TestMessage m = TestMessage().to(p.service_send, Disposition::copy_send);
    m.descriptors.push_back(bad);
    CHECK(send_message(*p.client, m) == Error::invalid_argument);
    m.descriptors[0] = {};
    m.descriptors[0].port.type = mach::DescriptorType::port;
    m.descriptors[0].port.name = p.service_send;
    m.descriptors[0].port.disposition = Disposition::copy_send;
    m.descriptors[0].port.reserved2 = 0xdead;
    CHECK(send_message(*p.client, m) == Error::invalid_argument);
    m.descriptors[0].port.reserved2 = 0;
    m.descriptors[0].port.disposition = Disposition::none;
    CHECK(send_message(*p.client, m) == Error::invalid_disposition);
    m.descriptors[0] = {};
    m.descriptors[0].out_of_line.type = mach::DescriptorType::out_of_line;
    m.descriptors[0].out_of_line.deallocate = 2;
    CHECK(send_message(*p.client, m) == Error::invalid_argument);
    m.descriptors[0].out_of_line.deallocate = 0;
    m.descriptors[0].out_of_line.size = mach::kMaxOutOfLineSize + 1;
    CHECK(send_message(*p.client, m) == Error::too_large);
    CHECK(ipc::statistics().messages == 0);
}

TEST_CASE("ipc: queues are bounded; send-once messages and notifications still get in")
{
    IpcWorld world;
    Pair p;
    REQUIRE(p.server->set_queue_limit(p.service, 3).ok());
    CHECK(p.server->set_queue_limit(p.service, 0).error() == Error::invalid_argument);
    CHECK(p.server->set_queue_limit(p.service, mach::kMaxQueueLimit + 1).error() == Error::invalid_argument);
    CHECK(p.server->set_queue_limit(p.service + 0x100, 3).error() == Error::invalid_name);
    for (int i = 0; i < 3; i++)
        REQUIRE(send_message(*p.client, TestMessage().to(p.service_send, Disposition::copy_send)) == Error::none);
    CHECK(send_message(*p.client, TestMessage().to(p.service_send, Disposition::copy_send)) == Error::queue_full);
    CHECK(references_of(*p.client, p.service_send) == 1);
    PortName once = p.server->extract_right(p.service, Disposition::make_send_once, *p.client).value();
    REQUIRE(send_message(*p.client, TestMessage().to(once, Disposition::move_send_once)) == Error::none);
    // A send-once right destroyed unused: its notification gets in too.
    PortName once2 = p.server->extract_right(p.service, Disposition::make_send_once, *p.client).value();
    REQUIRE(p.client->deallocate(once2).ok());
    Result<ipc::ReceiveSource> source = p.server->receive_source(p.service);
    CHECK(source.value().port->queued() == 5);
    TestMessage m;
    REQUIRE(receive_message(*p.server, p.service, m) == Error::none);
    // Still above the limit (4 queued): a plain send is still refused.
    CHECK(send_message(*p.client, TestMessage().to(p.service_send, Disposition::copy_send)) == Error::queue_full);
    REQUIRE(p.server->set_queue_limit(p.service, 10).ok());
    REQUIRE(send_message(*p.client, TestMessage().to(p.service_send, Disposition::copy_send)) == Error::none);
}

TEST_CASE("ipc: a message too large for the buffer stays queued")
{
    IpcWorld world;
    Pair p;
    std::vector<uint8_t> data(1000, 0x5a);
    REQUIRE(send_message(
                *p.client, TestMessage().to(p.service_send, Disposition::copy_send).with_body(data.data(), data.size()))
        == Error::none);
    TestMessage m;
    CHECK(receive_message(*p.server, p.service, m, 64) == Error::too_large);
    REQUIRE(receive_message(*p.server, p.service, m) == Error::none);
    CHECK(m.body.size() == 1000);
    CHECK(m.body[999] == 0x5a);
}

TEST_CASE("ipc: payloads arrive with every message sent through the minted right")
{
    IpcWorld world;
    Pair p;
    PortName open_file = p.server->make_send_with_payload(p.service, 0xf11e).value();
    CHECK(p.server->make_send_with_payload(p.service, 0).error() == Error::invalid_argument);
    CHECK(p.server->make_send_with_payload(open_file, 1).error() == Error::invalid_right);
    CHECK(type_of(*p.server, open_file) == RightType::send);
    CHECK(open_file != p.service); // a payload right has a name of its own
    CHECK(ipc::statistics().payload_records == 1);
    // Hand it to the client in a message.
    REQUIRE(send_message(*p.server,
                TestMessage().to(p.service, Disposition::make_send).with_port(open_file, Disposition::move_send))
        == Error::none);
    TestMessage m;
    REQUIRE(receive_message(*p.server, p.service, m) == Error::none);
    CHECK(m.header.payload == 0);
    PortName server_copy = m.descriptors[0].port.name;
    PortName client_file = p.server->extract_right(server_copy, Disposition::move_send, *p.client).value();
    REQUIRE(send_message(*p.client, TestMessage().to(client_file, Disposition::copy_send).with_id(3)) == Error::none);
    REQUIRE(receive_message(*p.server, p.service, m) == Error::none);
    CHECK(m.header.payload == 0xf11e);
    CHECK(m.header.destination == p.service);
    // A copy shares the record: the same payload, one record, one name in the receiving space.
    PortName second = p.client->extract_right(client_file, Disposition::copy_send, *p.client).value();
    CHECK(second == client_file);
    CHECK(references_of(*p.client, client_file) == 2);
    CHECK(ipc::statistics().payload_records == 1);
}

namespace {

// Where the direct path from `sender` goes: null means "use the general path".
ipc::Port* direct_port(ipc::NameSpace& sender, const TestMessage& message)
{
    std::vector<uint8_t> bytes = message.bytes();
    return ipc::plan_direct(sender, bytes.data(), uint32_t(bytes.size())).destination;
}

// Sends `message` the direct way (plan_direct must route it); `destination_name`
// is the receiver's name for the destination if the caller knows it.
Error send_direct(ipc::NameSpace& sender, ipc::NameSpace& receiver, const TestMessage& message, TestMessage& out,
    PortName destination_name = mach::kNullName)
{
    std::vector<uint8_t> bytes = message.bytes();
    std::vector<uint8_t> buffer(bytes.size());
    ipc::DirectRoute route = ipc::plan_direct(sender, bytes.data(), uint32_t(bytes.size()));
    REQUIRE(route.destination != nullptr);
    Result<void> sent = ipc::transfer_direct(
        sender, route, bytes.data(), uint32_t(bytes.size()), receiver, destination_name, buffer.data());
    if (sent.ok())
        out = TestMessage::parse(buffer);
    return sent.ok() ? Error::none : sent.error();
}

} // namespace

TEST_CASE("ipc: the direct path delivers what the general path would")
{
    IpcWorld world;
    Pair p;
    PortName reply = new_receive_right(*p.client);
    PortName file = p.server->make_send_with_payload(p.service, 0x42).value();
    PortName client_file = p.server->extract_right(file, Disposition::move_send, *p.client).value();
    const char text[] = "direct";
    TestMessage request = TestMessage()
                              .to(client_file, Disposition::copy_send)
                              .reply_to(reply, Disposition::make_send_once)
                              .with_id(5)
                              .with_body(text, sizeof(text));
    REQUIRE(direct_port(*p.client, request) != nullptr);
    TestMessage got;
    REQUIRE(send_direct(*p.client, *p.server, request, got) == Error::none);
    CHECK(got.header.id == 5);
    CHECK(got.header.destination == p.service);
    CHECK(got.header.payload == 0x42);
    CHECK(got.header.reply_disposition == Disposition::move_send_once);
    CHECK(type_of(*p.server, got.header.reply) == RightType::send_once);
    CHECK(std::strcmp(reinterpret_cast<const char*>(got.body.data()), text) == 0);
    CHECK(references_of(*p.client, client_file) == 1);
    // The answer goes back the same way and uses the send-once right up
    // (the waiting receiver's name for its port is known, as in the kernel).
    TestMessage answer = TestMessage().to(got.header.reply, Disposition::move_send_once).with_id(6);
    REQUIRE(direct_port(*p.server, answer) != nullptr);
    TestMessage back;
    REQUIRE(send_direct(*p.server, *p.client, answer, back, reply) == Error::none);
    CHECK(back.header.destination == reply);
    CHECK(back.header.id == 6);
    CHECK(p.server->type(got.header.reply).error() == Error::invalid_name);
    CHECK(ipc::statistics().messages == 0);
}

TEST_CASE("ipc: the direct path declines what it does not handle and refuses what copy-in refuses")
{
    IpcWorld world;
    Pair p;
    PortName reply = new_receive_right(*p.client);
    PortName x = new_receive_right(*p.client);
    // Not for the direct path: descriptors, other reply dispositions, a queue with messages.
    CHECK(direct_port(
              *p.client, TestMessage().to(p.service_send, Disposition::copy_send).with_port(x, Disposition::make_send))
        == nullptr);
    CHECK(direct_port(*p.client,
              TestMessage().to(p.service_send, Disposition::copy_send).reply_to(reply, Disposition::make_send))
        == nullptr);
    CHECK(direct_port(*p.client, TestMessage().to(p.service_send, Disposition::move_send)) == nullptr);
    REQUIRE(send_message(*p.client, TestMessage().to(p.service_send, Disposition::copy_send)) == Error::none);
    CHECK(direct_port(*p.client, TestMessage().to(p.service_send, Disposition::copy_send)) == nullptr);
    // Nor anything copy-in refuses: the general path reports it (and the space is unchanged).
    uint32_t names = p.client->name_count();
    auto refused = [&](const TestMessage& message) {
        CHECK(direct_port(*p.client, message) == nullptr);
        return send_message(*p.client, message);
    };
    CHECK(refused(TestMessage().to(0x777, Disposition::copy_send)) == Error::invalid_name);
    CHECK(refused(TestMessage().to(p.service_send, Disposition::move_send_once)) == Error::invalid_right);
    CHECK(refused(TestMessage()
                      .to(p.service_send, Disposition::copy_send)
                      .reply_to(p.service_send, Disposition::make_send_once))
        == Error::invalid_right);
    CHECK(refused(TestMessage().to(p.service_send, Disposition::copy_send).reply_to(x, Disposition::none))
        == Error::invalid_disposition);
    CHECK(refused(TestMessage().to(p.service_send, Disposition::copy_send).reply_to(0x777, Disposition::make_send_once))
        == Error::invalid_name);
    CHECK(p.client->name_count() == names);
    REQUIRE(p.server->destroy_name(p.service).ok());
    CHECK(refused(TestMessage().to(p.service_send, Disposition::copy_send)) == Error::port_dead);
}

TEST_CASE("ipc: a direct transfer to a full name space changes nothing")
{
    IpcWorld world;
    Pair p;
    PortName reply = new_receive_right(*p.client);
    REQUIRE(p.server->set_name_limit(p.server->name_count()).ok());
    TestMessage request
        = TestMessage().to(p.service_send, Disposition::copy_send).reply_to(reply, Disposition::make_send_once);
    REQUIRE(direct_port(*p.client, request) != nullptr);
    TestMessage got;
    CHECK(send_direct(*p.client, *p.server, request, got) == Error::no_space);
    CHECK(references_of(*p.client, p.service_send) == 1);
    CHECK(type_of(*p.client, reply) == RightType::receive);
    Result<ipc::ReceiveSource> source = p.client->receive_source(reply);
    CHECK(source.value().port->send_once_rights() == 0);
}

TEST_CASE("ipc: a task's messages in flight are bounded by its account")
{
    IpcWorld world;
    Pair p;
    p.client->account().set_limit(4096);
    std::vector<PortName> ports;
    Error status = Error::none;
    int sent = 0;
    // Queue after queue: the client runs out of its own quota, not of memory.
    while (status == Error::none && sent < 1000) {
        PortName port = p.server->allocate(RightType::receive).value();
        PortName send = p.server->extract_right(port, Disposition::make_send, *p.client).value();
        ports.push_back(port);
        std::vector<uint8_t> data(200, 1);
        status = send_message(
            *p.client, TestMessage().to(send, Disposition::copy_send).with_body(data.data(), data.size()));
        if (status == Error::none)
            sent++;
    }
    CHECK(status == Error::no_space);
    CHECK(sent > 5);
    CHECK(p.client->account().in_flight() <= 4096);
    // The server's own sends are not affected.
    CHECK(send_message(*p.server, TestMessage().to(p.service, Disposition::make_send)) == Error::none);
    // Receiving gives the quota back.
    TestMessage m;
    REQUIRE(receive_message(*p.server, ports[0], m) == Error::none);
    CHECK(send_message(*p.client, TestMessage().to(p.service_send, Disposition::copy_send)) == Error::none);
    // A task that dies with messages in flight: its account stays until they go.
    ipc::NameSpace::destroy(p.client);
    p.client = ipc::NameSpace::create().value();
    CHECK(ipc::statistics().accounts == 3);
    REQUIRE(p.server->destroy_name(ports[1]).ok());
}
