// IPC core: notifications, out-of-line regions, the observer, and failures
// (a full receiver, memory running out) that must not leak.
#include <catch.hpp>
#include <support/ipc_world.h>

using namespace test_support;
using mach::Disposition;
using mach::NotificationKind;
using mach::PortName;
using mach::RightType;

namespace {

struct Pair : ClientServer {
    PortName notify = new_receive_right(*client); // the client's notification port
};

TestMessage expect_notification(ipc::NameSpace& space, PortName port, NotificationKind kind)
{
    TestMessage m;
    REQUIRE(receive_message(space, port, m) == Error::none);
    CHECK(m.header.id == uint32_t(kind));
    CHECK(m.header.size == sizeof(mach::MessageHeader) + sizeof(mach::NotificationBody));
    return m;
}

} // namespace

TEST_CASE("ipc: dead-name notification when the port dies")
{
    IpcWorld world;
    Pair p;
    PortName previous = p.client
                            ->request_notification(p.service_send, NotificationKind::dead_name, *p.client, p.notify,
                                Disposition::make_send_once)
                            .value();
    CHECK(previous == mach::kNullName);
    CHECK(ipc::statistics().dead_name_requests == 1);
    REQUIRE(p.server->destroy_name(p.service).ok());
    TestMessage m = expect_notification(*p.client, p.notify, NotificationKind::dead_name);
    CHECK(notification_body(m).name == p.service_send);
    CHECK(type_of(*p.client, p.service_send) == RightType::dead_name);
    CHECK(ipc::statistics().dead_name_requests == 0);
}

TEST_CASE("ipc: a dead-name request whose notify right makes the space grow")
{
    // The request's send-once right and the previous one are names of the
    // same space as the watched right: reserving room for them may move
    // its table (this read freed memory once).
    IpcWorld world;
    Pair p;
    for (int i = 0; i < 100; i++) {
        (void)new_receive_right(*p.client); // fills the table, so that some request makes it grow
        PortName previous = p.client
                                ->request_notification(p.service_send, NotificationKind::dead_name, *p.client, p.notify,
                                    Disposition::make_send_once)
                                .value();
        if (previous != mach::kNullName)
            REQUIRE(p.client->deallocate(previous).ok());
    }
    CHECK(ipc::statistics().dead_name_requests == 1);
}

TEST_CASE("ipc: port-deleted notification when the name goes first; requests can be replaced")
{
    IpcWorld world;
    Pair p;
    REQUIRE(p.client
                ->request_notification(
                    p.service_send, NotificationKind::dead_name, *p.client, p.notify, Disposition::make_send_once)
                .ok());
    // Replacing the request hands back the previous send-once right.
    PortName previous = p.client
                            ->request_notification(p.service_send, NotificationKind::dead_name, *p.client, p.notify,
                                Disposition::make_send_once)
                            .value();
    CHECK(type_of(*p.client, previous) == RightType::send_once);
    REQUIRE(p.client->deallocate(previous).ok()); // destroyed unused: a send-once notification
    expect_notification(*p.client, p.notify, NotificationKind::send_once);
    REQUIRE(p.client->deallocate(p.service_send).ok());
    TestMessage m = expect_notification(*p.client, p.notify, NotificationKind::port_deleted);
    CHECK(notification_body(m).name == p.service_send);
    CHECK(ipc::statistics().dead_name_requests == 0);
}

TEST_CASE("ipc: a dead-name request on a dead name fires at once; wrong requests are refused")
{
    IpcWorld world;
    Pair p;
    REQUIRE(p.server->destroy_name(p.service).ok());
    REQUIRE(p.client
                ->request_notification(
                    p.service_send, NotificationKind::dead_name, *p.client, p.notify, Disposition::make_send_once)
                .ok());
    expect_notification(*p.client, p.notify, NotificationKind::dead_name);
    CHECK(p.client
              ->request_notification(
                  p.notify, NotificationKind::dead_name, *p.client, p.notify, Disposition::make_send_once)
              .error()
        == Error::invalid_right);
    CHECK(p.client
              ->request_notification(
                  p.service_send, NotificationKind::dead_name, *p.client, p.notify, Disposition::make_send)
              .error()
        == Error::invalid_disposition);
    CHECK(p.client
              ->request_notification(
                  p.service_send, NotificationKind::port_deleted, *p.client, p.notify, Disposition::make_send_once)
              .error()
        == Error::invalid_argument);
    CHECK(p.client
              ->request_notification(
                  p.service_send, NotificationKind(7), *p.client, p.notify, Disposition::make_send_once)
              .error()
        == Error::invalid_argument);
    CHECK(p.client
              ->request_notification(
                  p.notify, NotificationKind::no_senders, *p.client, 0x4242, Disposition::make_send_once)
              .error()
        == Error::invalid_name);
}

TEST_CASE("ipc: a send-once right cannot be its own dead-name notification")
{
    // Moving the watched send-once right out as the notify right emptied
    // its entry and left the request behind: destroying the space later
    // freed the table the request still named (found by the IPC fuzzer).
    IpcWorld world;
    Pair p;
    PortName once = p.server->extract_right(p.service, Disposition::make_send_once, *p.client).value();
    CHECK(
        p.client->request_notification(once, NotificationKind::dead_name, *p.client, once, Disposition::move_send_once)
            .error()
        == Error::invalid_argument);
    CHECK(type_of(*p.client, once) == RightType::send_once);
    CHECK(ipc::statistics().dead_name_requests == 0);
    // Pair's end destroys the client's space, then the server's (the port
    // dies then): a request left behind would name the freed table.
}

TEST_CASE("ipc: no-senders when the last send right dies, plain or with a payload")
{
    IpcWorld world;
    Pair p;
    PortName server_notify = new_receive_right(*p.server);
    REQUIRE(p.server
                ->request_notification(
                    p.service, NotificationKind::no_senders, *p.server, server_notify, Disposition::make_send_once)
                .ok());
    PortName file = p.server->make_send_with_payload(p.service, 77).value();
    PortName client_file = p.server->extract_right(file, Disposition::move_send, *p.client).value();
    REQUIRE(p.client->deallocate(p.service_send).ok());
    TestMessage m;
    CHECK(receive_message(*p.server, server_notify, m) == Error::timed_out); // the payload right still lives
    REQUIRE(p.client->deallocate(client_file).ok());
    expect_notification(*p.server, server_notify, NotificationKind::no_senders);
    CHECK(receive_message(*p.server, server_notify, m) == Error::timed_out); // one-shot
}

TEST_CASE("ipc: no-senders is not sent for a port that never had senders")
{
    IpcWorld world;
    Pair p;
    PortName lonely = new_receive_right(*p.server);
    REQUIRE(
        p.server
            ->request_notification(lonely, NotificationKind::no_senders, *p.server, lonely, Disposition::make_send_once)
            .ok());
    TestMessage m;
    CHECK(receive_message(*p.server, lonely, m) == Error::timed_out);
    // Once a right was made and dropped, it fires (to the port itself: a send-once right is no sender).
    REQUIRE(p.server->insert_right(lonely, *p.server, lonely, Disposition::make_send).ok());
    REQUIRE(p.server->deallocate(lonely).ok());
    expect_notification(*p.server, lonely, NotificationKind::no_senders);
}

TEST_CASE("ipc: payload no-senders names the payload whose last right died")
{
    IpcWorld world;
    Pair p;
    REQUIRE(p.server
                ->request_notification(
                    p.service, NotificationKind::payload_no_senders, *p.server, p.service, Disposition::make_send)
                .ok());
    CHECK(p.server
              ->request_notification(
                  p.service, NotificationKind::payload_no_senders, *p.server, p.service, Disposition::make_send_once)
              .error()
        == Error::invalid_disposition);
    PortName a = p.server->make_send_with_payload(p.service, 0xa).value();
    PortName b = p.server->make_send_with_payload(p.service, 0xb).value();
    PortName client_a = p.server->extract_right(a, Disposition::move_send, *p.client).value();
    PortName client_b = p.server->extract_right(b, Disposition::move_send, *p.client).value();
    // fork-like sharing: a second task holds a copy of a.
    ipc::NameSpace* child = ipc::NameSpace::create().value();
    PortName child_a = p.client->extract_right(client_a, Disposition::copy_send, *child).value();
    REQUIRE(p.client->deallocate(client_a).ok());
    TestMessage m;
    CHECK(receive_message(*p.server, p.service, m) == Error::timed_out); // the child still holds a
    ipc::NameSpace::destroy(child); // the child exits
    m = expect_notification(*p.server, p.service, NotificationKind::payload_no_senders);
    CHECK(notification_body(m).payload == 0xa);
    CHECK(m.header.payload == 0);
    REQUIRE(p.client->destroy_name(client_b).ok());
    m = expect_notification(*p.server, p.service, NotificationKind::payload_no_senders);
    CHECK(notification_body(m).payload == 0xb);
    CHECK(ipc::statistics().payload_records == 0);
    (void)child_a;
    // Cancelling hands back the notify right as a send right.
    PortName previous = p.server
                            ->request_notification(p.service, NotificationKind::payload_no_senders, *p.server,
                                mach::kNullName, Disposition::none)
                            .value();
    CHECK(previous == p.service);
    CHECK(type_of(*p.server, p.service) == (RightType::receive | RightType::send));
}

TEST_CASE("ipc: a send-once reply right destroyed unused tells the client")
{
    IpcWorld world;
    Pair p;
    PortName reply = new_receive_right(*p.client);
    REQUIRE(send_message(*p.client,
                TestMessage().to(p.service_send, Disposition::copy_send).reply_to(reply, Disposition::make_send_once))
        == Error::none);
    // The server dies with the request unanswered in its queue.
    ipc::NameSpace::destroy(p.server);
    p.server = ipc::NameSpace::create().value();
    expect_notification(*p.client, reply, NotificationKind::send_once);
    CHECK(send_message(*p.client, TestMessage().to(p.service_send, Disposition::copy_send)) == Error::port_dead);
}

TEST_CASE("ipc: out-of-line regions travel as snapshots")
{
    IpcWorld world;
    Pair p;
    FakeOutOfLine& memory = fake_out_of_line();
    memory.memory[0x5000] = std::vector<uint8_t>(8192, 0x11);
    REQUIRE(send_message(*p.client, TestMessage().to(p.service_send, Disposition::copy_send).with_region(0x5000, 8192))
        == Error::none);
    memory.memory[0x5000][0] = 0x22; // the sender changes its copy after the send
    REQUIRE(send_message(
                *p.client, TestMessage().to(p.service_send, Disposition::copy_send).with_region(0x5000, 4096, true))
        == Error::none);
    CHECK(memory.memory.count(0x5000) == 0); // deallocate: gone from the sender
    TestMessage m;
    REQUIRE(receive_message(*p.server, p.service, m) == Error::none);
    uint64_t first = m.descriptors[0].out_of_line.address;
    CHECK(memory.memory.at(first).size() == 8192);
    CHECK(memory.memory.at(first)[0] == 0x11);
    REQUIRE(receive_message(*p.server, p.service, m) == Error::none);
    CHECK(memory.memory.at(m.descriptors[0].out_of_line.address)[0] == 0x22);
    // A bad region refuses the whole message and leaves the sender's rights alone.
    PortName x = new_receive_right(*p.client);
    CHECK(send_message(*p.client,
              TestMessage()
                  .to(p.service_send, Disposition::copy_send)
                  .with_port(x, Disposition::move_receive)
                  .with_region(0x9000, 16))
        == Error::bad_address);
    CHECK(type_of(*p.client, x) == RightType::receive);
    // A region the receiver cannot take is dropped, and the receive says so.
    memory.memory[0x7000] = std::vector<uint8_t>(64, 1);
    REQUIRE(send_message(*p.client, TestMessage().to(p.service_send, Disposition::copy_send).with_region(0x7000, 64))
        == Error::none);
    memory.fail_deliver = true;
    CHECK(receive_message(*p.server, p.service, m) == Error::no_space);
    CHECK(m.descriptors[0].out_of_line.address == 0);
    memory.fail_deliver = false;
    // Regions queued on a port that dies are dropped with it.
    REQUIRE(send_message(*p.client, TestMessage().to(p.service_send, Disposition::copy_send).with_region(0x7000, 64))
        == Error::none);
    CHECK(memory.snapshots.size() == 1);
    REQUIRE(p.server->destroy_name(p.service).ok());
    CHECK(memory.snapshots.empty());
}

TEST_CASE("ipc: a receiver whose name space is full gets the data, not the rights, and nothing leaks")
{
    IpcWorld world;
    Pair p;
    PortName x = new_receive_right(*p.client);
    PortName reply = new_receive_right(*p.client);
    REQUIRE(p.server->set_name_limit(p.server->name_count()).ok());
    REQUIRE(send_message(*p.client,
                TestMessage()
                    .to(p.service_send, Disposition::copy_send)
                    .reply_to(reply, Disposition::make_send_once)
                    .with_port(x, Disposition::move_receive)
                    .with_id(8))
        == Error::none);
    TestMessage m;
    CHECK(receive_message(*p.server, p.service, m) == Error::no_space);
    CHECK(m.header.id == 8);
    CHECK(m.header.reply == mach::kNullName);
    CHECK(m.descriptors[0].port.name == mach::kNullName);
    expect_notification(*p.client, reply, NotificationKind::send_once); // the reply right was destroyed
    CHECK(ipc::statistics().ports == 3); // x died with the message
}

TEST_CASE("ipc: running out of memory anywhere leaves no trace")
{
    IpcWorld world;
    Pair p;
    for (long budget = 0; budget < 6; budget++) {
        ipc::release_cached_messages();
        ipc::Statistics before = ipc::statistics();
        ipc_blocks().fail_after(budget);
        Error sent = send_message(*p.client, TestMessage().to(p.service_send, Disposition::copy_send));
        Result<PortName> allocated = p.client->allocate(RightType::receive);
        ipc_blocks().fail_after(-1);
        if (sent == Error::none) {
            TestMessage m;
            REQUIRE(receive_message(*p.server, p.service, m) == Error::none);
        } else {
            CHECK(sent == Error::no_memory);
        }
        if (allocated.ok())
            REQUIRE(p.client->destroy_name(allocated.value()).ok());
        CHECK(ipc::statistics().messages == before.messages);
        CHECK(ipc::statistics().names == before.names);
    }
    // A notification that cannot be allocated is counted as lost.
    ipc::release_cached_messages(); // so that the next message needs the allocator
    size_t lost = ipc::statistics().notifications_lost;
    PortName once = p.server->extract_right(p.service, Disposition::make_send_once, *p.client).value();
    ipc_blocks().fail_after(0);
    REQUIRE(p.client->deallocate(once).ok());
    ipc_blocks().fail_after(-1);
    CHECK(ipc::statistics().notifications_lost == lost + 1);
}

TEST_CASE("ipc: the observer hears of queueing, room, deaths, moves; kernel ports go to it")
{
    IpcWorld world;
    RecordingObserver& events = recording_observer();
    ipc::set_observer(&events);
    Pair p;
    REQUIRE(send_message(*p.client, TestMessage().to(p.service_send, Disposition::copy_send)) == Error::none);
    CHECK(events.queued == 1);
    TestMessage m;
    REQUIRE(receive_message(*p.server, p.service, m) == Error::none);
    CHECK(events.space == 1);
    PortName set = p.server->allocate(RightType::port_set).value();
    REQUIRE(p.server->move_member(p.service, set).ok());
    REQUIRE(p.server->destroy_name(set).ok());
    CHECK(events.sets_destroyed == 1);
    PortName moved = p.server->extract_right(p.service, Disposition::move_receive, *p.client).value();
    CHECK(events.moved == 1);
    REQUIRE(p.client->destroy_name(moved).ok());
    CHECK(events.died == 1);
    // A kernel port: the message goes to the observer instead of a queue.
    Result<ipc::Port*> kernel_port = ipc::Port::create();
    REQUIRE(kernel_port.ok());
    int task = 0;
    kernel_port.value()->set_kernel_object(ipc::KernelObject::task, &task);
    kernel_port.value()->make_send_right();
    PortName task_name = p.client->put_right(ipc::CarriedRight::send(*kernel_port.value())).value();
    REQUIRE(send_message(*p.client, TestMessage().to(task_name, Disposition::copy_send).with_id(1234)) == Error::none);
    REQUIRE(events.kernel_messages.size() == 1);
    ipc::Message* request = events.kernel_messages[0];
    CHECK(request->header().id == 1234);
    CHECK(request->destination_port().kernel_object() == &task);
    ipc::Message::destroy(request);
    ipc::CarriedRight::receive(*kernel_port.value()).release();
    CHECK(type_of(*p.client, task_name) == RightType::dead_name);
}
