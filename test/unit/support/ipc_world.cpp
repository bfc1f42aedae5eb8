#include <catch.hpp>
#include <support/ipc_world.h>

namespace test_support {

IpcWorld::IpcWorld()
{
    set_up_ipc_once();
    ipc::set_out_of_line_memory(&fake_out_of_line());
    ipc::set_observer(nullptr);
    ipc_blocks().fail_after(-1);
    fake_out_of_line() = FakeOutOfLine();
    recording_observer() = RecordingObserver();
}

IpcWorld::~IpcWorld()
{
    ipc::release_cached_messages();
    ipc::Statistics counts = ipc::statistics();
    CHECK(counts.ports == 0);
    CHECK(counts.port_sets == 0);
    CHECK(counts.payload_records == 0);
    CHECK(counts.messages == 0);
    CHECK(counts.name_spaces == 0);
    CHECK(counts.name_table_bytes == 0);
    CHECK(counts.names == 0);
    CHECK(counts.dead_name_requests == 0);
    CHECK(counts.accounts == 0);
    CHECK(counts.message_bytes == 0);
    CHECK(ipc_blocks().live() == 0);
    CHECK(fake_out_of_line().snapshots.empty());
    ipc::set_observer(nullptr);
}

ClientServer::ClientServer()
    : client(ipc::NameSpace::create().value())
    , server(ipc::NameSpace::create().value())
    , service(new_receive_right(*server))
    , service_send(server->extract_right(service, mach::Disposition::make_send, *client).value())
{
}

ClientServer::~ClientServer()
{
    ipc::NameSpace::destroy(client);
    ipc::NameSpace::destroy(server);
}

mach::PortName new_receive_right(ipc::NameSpace& space)
{
    Result<mach::PortName> name = space.allocate(mach::RightType::receive);
    REQUIRE(name.ok());
    return name.value();
}

mach::RightType type_of(ipc::NameSpace& space, mach::PortName name)
{
    Result<ipc::NameInfo> info = space.type(name);
    return info.ok() ? info.value().type : mach::RightType::none;
}

uint32_t references_of(ipc::NameSpace& space, mach::PortName name)
{
    Result<ipc::NameInfo> info = space.type(name);
    return info.ok() ? info.value().user_references : 0;
}

mach::NotificationBody notification_body(const TestMessage& message)
{
    mach::NotificationBody body {};
    REQUIRE(message.body.size() >= sizeof(body));
    std::memcpy(&body, message.body.data(), sizeof(body));
    return body;
}

} // namespace test_support
