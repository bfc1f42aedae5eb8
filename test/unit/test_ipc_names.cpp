// IPC core: name spaces, right types, user references, coalescing, port calls.
#include <catch.hpp>
#include <ipc/payload_record.h>
#include <mach/syscall.h>
#include <support/ipc_world.h>

using namespace test_support;
using mach::Disposition;
using mach::PortName;
using mach::RightType;

namespace {

struct Spaces {
    ipc::NameSpace* a;
    ipc::NameSpace* b;
    Spaces()
    {
        a = ipc::NameSpace::create().value();
        b = ipc::NameSpace::create().value();
    }
    ~Spaces()
    {
        ipc::NameSpace::destroy(a);
        ipc::NameSpace::destroy(b);
    }
};

} // namespace

TEST_CASE("ipc: allocate gives receive rights, port sets and dead names")
{
    IpcWorld world;
    Spaces s;
    PortName port = new_receive_right(*s.a);
    CHECK(type_of(*s.a, port) == RightType::receive);
    PortName set = s.a->allocate(RightType::port_set).value();
    CHECK(type_of(*s.a, set) == RightType::port_set);
    PortName dead = s.a->allocate(RightType::dead_name).value();
    CHECK(type_of(*s.a, dead) == RightType::dead_name);
    CHECK(references_of(*s.a, dead) == 1);
    CHECK(s.a->allocate(RightType::send).error() == Error::invalid_argument);
    CHECK(s.a->allocate(RightType::none).error() == Error::invalid_argument);
    CHECK(ipc::statistics().ports == 1);
    CHECK(ipc::statistics().port_sets == 1);
    CHECK(s.a->name_count() == 3);
}

TEST_CASE("ipc: names mean nothing in another space, and stale names are caught")
{
    IpcWorld world;
    Spaces s;
    PortName port = new_receive_right(*s.a);
    CHECK(s.b->type(port).error() == Error::invalid_name);
    CHECK(s.a->type(mach::kNullName).error() == Error::invalid_name);
    CHECK(s.a->type(mach::kDeadName).error() == Error::invalid_name);
    CHECK(s.a->type(port + 1).error() == Error::invalid_name); // same index, other generation
    CHECK(s.a->type(port + 0x100).error() == Error::invalid_name); // an index never used
    REQUIRE(s.a->destroy_name(port).ok());
    CHECK(s.a->type(port).error() == Error::invalid_name);
    PortName again = new_receive_right(*s.a);
    CHECK(again != port); // the slot is reused with a new generation
    CHECK((again >> 8) == (port >> 8));
    CHECK(s.a->type(port).error() == Error::invalid_name);
}

TEST_CASE("ipc: make_send coalesces with the receive right; user references count")
{
    IpcWorld world;
    Spaces s;
    PortName port = new_receive_right(*s.a);
    REQUIRE(s.a->insert_right(port, *s.a, port, Disposition::make_send).ok());
    CHECK(type_of(*s.a, port) == (RightType::receive | RightType::send));
    CHECK(references_of(*s.a, port) == 1);
    REQUIRE(s.a->insert_right(port, *s.a, port, Disposition::make_send).ok());
    CHECK(references_of(*s.a, port) == 2);
    REQUIRE(s.a->mod_refs(port, RightType::send, 3).ok());
    CHECK(references_of(*s.a, port) == 5);
    CHECK(s.a->mod_refs(port, RightType::send, -6).error() == Error::invalid_argument);
    CHECK(s.a->mod_refs(port, RightType::send, 0x10000).error() == Error::invalid_argument);
    REQUIRE(s.a->mod_refs(port, RightType::send, -5).ok());
    CHECK(type_of(*s.a, port) == RightType::receive);
    CHECK(s.a->deallocate(port).error() == Error::invalid_right); // a receive right is not deallocated
    CHECK(s.a->mod_refs(port, RightType::receive, -2).error() == Error::invalid_argument);
    CHECK(s.a->mod_refs(port, RightType::send_once, -1).error() == Error::invalid_right);
    CHECK(s.a->mod_refs(port, RightType::send | RightType::receive, -1).error() == Error::invalid_argument);
    REQUIRE(s.a->mod_refs(port, RightType::receive, -1).ok());
    CHECK(s.a->type(port).error() == Error::invalid_name);
}

TEST_CASE("ipc: a send right in another space coalesces there and dies into a dead name")
{
    IpcWorld world;
    Spaces s;
    PortName port = new_receive_right(*s.a);
    PortName in_b = s.a->extract_right(port, Disposition::make_send, *s.b).value();
    CHECK(type_of(*s.b, in_b) == RightType::send);
    PortName again = s.a->extract_right(port, Disposition::make_send, *s.b).value();
    CHECK(again == in_b);
    CHECK(references_of(*s.b, in_b) == 2);
    PortName once = s.a->extract_right(port, Disposition::make_send_once, *s.b).value();
    CHECK(once != in_b);
    CHECK(type_of(*s.b, once) == RightType::send_once);
    REQUIRE(s.a->destroy_name(port).ok());
    CHECK(type_of(*s.b, in_b) == RightType::dead_name);
    CHECK(references_of(*s.b, in_b) == 2);
    CHECK(type_of(*s.b, once) == RightType::dead_name);
    REQUIRE(s.b->deallocate(in_b).ok());
    REQUIRE(s.b->deallocate(in_b).ok());
    CHECK(s.b->type(in_b).error() == Error::invalid_name);
    REQUIRE(s.b->deallocate(once).ok());
}

TEST_CASE("ipc: insert_right places a right under the caller's chosen name")
{
    IpcWorld world;
    Spaces s;
    PortName port = new_receive_right(*s.a);
    PortName chosen = (77u << 8) | 5;
    REQUIRE(s.b->insert_right(chosen, *s.a, port, Disposition::make_send).ok());
    CHECK(type_of(*s.b, chosen) == RightType::send);
    // The same right again under the same name: one more reference.
    REQUIRE(s.b->insert_right(chosen, *s.a, port, Disposition::make_send).ok());
    CHECK(references_of(*s.b, chosen) == 2);
    // Under another name: refused, it would have two names.
    CHECK(s.b->insert_right((78u << 8) | 1, *s.a, port, Disposition::make_send).error() == Error::already_exists);
    // Another right under a taken name: refused.
    PortName other = new_receive_right(*s.a);
    CHECK(s.b->insert_right(chosen, *s.a, other, Disposition::make_send).error() == Error::already_exists);
    CHECK(s.b->insert_right(mach::kNullName, *s.a, other, Disposition::make_send).error() == Error::invalid_name);
    CHECK(s.b->insert_right(mach::kDeadName, *s.a, other, Disposition::make_send).error() == Error::invalid_name);
    CHECK(s.b->insert_right(0xffffff00u, *s.a, other, Disposition::make_send).error() == Error::invalid_name);
    // The skipped indices are ordinary free names afterwards.
    for (int i = 0; i < 100; i++)
        new_receive_right(*s.b);
    CHECK(s.b->name_count() == 101);
    CHECK(ipc::statistics().ports == 102);
}

TEST_CASE("ipc: move_receive through extract_right carries the port and its queue")
{
    IpcWorld world;
    Spaces s;
    PortName port = new_receive_right(*s.a);
    REQUIRE(s.a->insert_right(port, *s.a, port, Disposition::make_send).ok());
    REQUIRE(send_message(*s.a, TestMessage().to(port, Disposition::copy_send).with_id(7)) == Error::none);
    PortName in_b = s.a->extract_right(port, Disposition::move_receive, *s.b).value();
    CHECK(type_of(*s.a, port) == RightType::send);
    CHECK(type_of(*s.b, in_b) == RightType::receive);
    TestMessage received;
    REQUIRE(receive_message(*s.b, in_b, received) == Error::none);
    CHECK(received.header.id == 7);
    CHECK(received.header.destination == in_b);
    CHECK(receive_message(*s.a, port, received) == Error::invalid_right);
}

TEST_CASE("ipc: port sets take members, and members leave when moved or destroyed")
{
    IpcWorld world;
    Spaces s;
    PortName set = s.a->allocate(RightType::port_set).value();
    PortName p1 = new_receive_right(*s.a);
    PortName p2 = new_receive_right(*s.a);
    REQUIRE(s.a->move_member(p1, set).ok());
    REQUIRE(s.a->move_member(p2, set).ok());
    CHECK(s.a->move_member(set, set).error() == Error::invalid_right);
    CHECK(s.a->move_member(p1, p2).error() == Error::invalid_right);
    TestMessage m;
    CHECK(receive_message(*s.a, set, m) == Error::timed_out);
    for (int i = 0; i < 3; i++) {
        REQUIRE(send_message(*s.a, TestMessage().to(p1, Disposition::make_send).with_id(100 + i)) == Error::none);
        REQUIRE(send_message(*s.a, TestMessage().to(p2, Disposition::make_send).with_id(200 + i)) == Error::none);
    }
    // Members take turns.
    std::vector<uint32_t> ids;
    for (int i = 0; i < 6; i++) {
        REQUIRE(receive_message(*s.a, set, m) == Error::none);
        ids.push_back(m.header.id);
        CHECK(m.header.destination == (m.header.id < 200 ? p1 : p2));
    }
    CHECK(ids == std::vector<uint32_t> { 100, 200, 101, 201, 102, 202 });
    REQUIRE(s.a->move_member(p1, mach::kNullName).ok());
    REQUIRE(send_message(*s.a, TestMessage().to(p1, Disposition::make_send)) == Error::none);
    CHECK(receive_message(*s.a, set, m) == Error::timed_out);
    REQUIRE(s.a->destroy_name(p2).ok());
    REQUIRE(s.a->destroy_name(set).ok());
    REQUIRE(receive_message(*s.a, p1, m) == Error::none);
}

TEST_CASE("ipc: a full name space refuses new names and leaks nothing")
{
    IpcWorld world;
    Spaces s;
    REQUIRE(s.a->set_name_limit(4).ok());
    PortName port = new_receive_right(*s.a);
    for (int i = 0; i < 3; i++)
        REQUIRE(s.a->allocate(RightType::dead_name).ok());
    CHECK(s.a->allocate(RightType::receive).error() == Error::no_space);
    CHECK(s.a->allocate(RightType::port_set).error() == Error::no_space);
    CHECK(s.a->make_send_with_payload(port, 9).error() == Error::no_space);
    CHECK(s.a->set_name_limit(2).error() == Error::busy);
    CHECK(s.a->set_name_limit(0).error() == Error::invalid_argument);
    // A coalescing send right needs no new name.
    REQUIRE(s.a->insert_right(port, *s.a, port, Disposition::make_send).ok());
    CHECK(ipc::statistics().ports == 1);
}

TEST_CASE("ipc: a name space grows to thousands of names with 16-byte entries")
{
    IpcWorld world;
    Spaces s;
    CHECK(ipc::NameSpace::entry_bytes() <= 16);
    std::vector<PortName> names;
    for (int i = 0; i < 5000; i++)
        names.push_back(new_receive_right(*s.a));
    for (PortName name : names)
        CHECK(type_of(*s.a, name) == RightType::receive);
    PortName first = names.front();
    REQUIRE(s.a->insert_right(first, *s.a, first, Disposition::make_send).ok());
    CHECK(type_of(*s.a, first) == (RightType::receive | RightType::send));
    // Table plus hash: about 18 bytes a name.
    CHECK(s.a->table_bytes() <= size_t(8192) * 18);
}

TEST_CASE("ipc: identify tells a server which of its ports and payloads a right is")
{
    IpcWorld world;
    ClientServer p;
    PortName file = p.server->make_send_with_payload(p.service, 0xabc).value();
    PortName back = p.server->extract_right(file, Disposition::copy_send, *p.client).value();
    // The client hands it back (as a rename's target directory would come).
    PortName returned = p.client->extract_right(back, Disposition::copy_send, *p.server).value();
    CHECK(returned == file); // coalesced with the server's own copy
    ipc::Identity identity = p.server->identify(returned).value();
    CHECK(identity.receive == p.service);
    CHECK(identity.payload == 0xabc);
    // A plain right: no payload. A right to someone else's port: not_found.
    PortName plain = p.server->extract_right(p.service, Disposition::make_send, *p.server).value();
    CHECK(p.server->identify(plain).value().payload == 0);
    CHECK(p.client->identify(back).error() == Error::not_found);
    PortName bare = p.server->allocate(RightType::receive).value(); // a receive right alone
    CHECK(p.server->identify(bare).error() == Error::invalid_right);
    CHECK(p.server->identify(0x777).error() == Error::invalid_name);
}

TEST_CASE("ipc: payloads are at most 48 bits, and a record keeps them whole")
{
    IpcWorld world;
    ClientServer p;
    CHECK(p.server->make_send_with_payload(p.service, mach::kMaxPayload + 1).error() == Error::invalid_argument);
    CHECK(p.server->make_send_with_payload(p.service, 0).error() == Error::invalid_argument);
    PortName biggest = p.server->make_send_with_payload(p.service, mach::kMaxPayload).value();
    PortName sent = p.server->extract_right(biggest, Disposition::move_send, *p.client).value();
    CHECK(p.server->identify(p.server->make_send_with_payload(p.service, 5).value()).value().payload == 5);
    // The send-right count crosses 16 bits (it is split over the record's two words).
    ipc::Port& port = *p.server->receive_source(p.service).value().port;
    ipc::PayloadRecord* record = ipc::PayloadRecord::create(port, 77).value();
    for (int i = 0; i < 70000; i++)
        record->copy_send_right();
    CHECK(record->send_rights() == 70001);
    CHECK(&record->port() == &port);
    CHECK(record->payload() == 77);
    for (int i = 0; i < 70000; i++)
        record->release_send_right();
    CHECK(record->send_rights() == 1);
    record->release_send_right(); // the last: the record goes
    TestMessage m;
    REQUIRE(send_message(*p.client, TestMessage().to(sent, Disposition::copy_send)) == Error::none);
    REQUIRE(receive_message(*p.server, p.service, m) == Error::none);
    CHECK(m.header.payload == mach::kMaxPayload);
    CHECK(ipc::statistics().payload_records == 2);
}

namespace {
bool keep_all_but(const ipc::Port& port, const void* context) { return &port != context; }
} // namespace

TEST_CASE("ipc: fork copies send rights under the same names, payloads and references included")
{
    IpcWorld world;
    ClientServer p;
    PortName file = p.server->make_send_with_payload(p.service, 0xf11e).value();
    PortName open_file = p.server->extract_right(file, Disposition::move_send, *p.client).value();
    REQUIRE(p.client->mod_refs(open_file, RightType::send, 2).ok()); // three references (dup'ed twice)
    PortName own = new_receive_right(*p.client);
    PortName own_send = p.client->extract_right(own, Disposition::make_send, *p.client).value();
    CHECK(own_send == own); // coalesced with its receive right: not copied
    PortName once = p.server->extract_right(p.service, Disposition::make_send_once, *p.client).value();
    PortName plain = p.server->extract_right(p.service, Disposition::make_send, *p.client).value();
    PortName skipped_port = new_receive_right(*p.server);
    PortName skipped = p.server->extract_right(skipped_port, Disposition::make_send, *p.client).value();
    ipc::Port* skip = p.server->receive_port(skipped_port);

    ipc::NameSpace* child = ipc::NameSpace::create().value();
    REQUIRE(p.client->copy_send_rights_into(*child, keep_all_but, skip).ok());
    CHECK(type_of(*child, open_file) == RightType::send);
    CHECK(references_of(*child, open_file) == 3);
    CHECK(type_of(*child, plain) == RightType::send);
    CHECK(child->type(own).error() == Error::invalid_name);
    CHECK(child->type(once).error() == Error::invalid_name);
    CHECK(child->type(skipped).error() == Error::invalid_name);
    CHECK(child->name_count() == 2);
    // The child's copy reaches the same payload: the same open file.
    PortName back = child->extract_right(open_file, Disposition::copy_send, *p.server).value();
    CHECK(p.server->identify(back).value().payload == 0xf11e);
    ipc::NameSpace::destroy(child);
}
