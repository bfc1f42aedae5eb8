// The host kernel itself: mach.h's calls, made from threads acting for
// tasks, behave as the kernel's do.
#include <catch.hpp>
#include <runtime/mach.h>
#include <support/host_kernel.h>

#include <thread>

using mach::Disposition;
using mach::PortName;
using test_support::ActAs;
using test_support::HostKernel;
using test_support::HostTask;

namespace {

// A request or answer: a value. Room for a notification too.
struct Buffer {
    mach::MessageHeader header;
    uint64_t value;
    mach::NotificationBody room;
};

constexpr uint32_t kValueSize = sizeof(mach::MessageHeader) + sizeof(uint64_t);

mach::MessageHeader header_to(PortName port, Disposition disposition, uint32_t size)
{
    mach::MessageHeader header {};
    header.destination = port;
    header.destination_disposition = disposition;
    header.size = size;
    return header;
}

// Answers each request with its value plus one, until its port has no senders.
void echo_server(HostTask& task, PortName service)
{
    ActAs as(task);
    Buffer buffer {};
    uint32_t options = mach::kReceive;
    for (;;) {
        if (mach::msg(&buffer.header, options, kValueSize, sizeof(buffer), service) != Error::none)
            return;
        if (buffer.header.id == uint32_t(mach::NotificationKind::no_senders))
            return;
        PortName reply = buffer.header.reply;
        buffer.header = header_to(reply, Disposition::move_send_once, kValueSize);
        buffer.value++;
        options = mach::kSend | mach::kReceive;
    }
}

} // namespace

TEST_CASE("host kernel: RPC between two tasks' threads")
{
    HostKernel kernel;
    HostTask& server = kernel.create_task();
    HostTask& client = kernel.create_task();
    PortName service = 0;
    {
        ActAs as(server);
        mach::SelfPorts self {};
        REQUIRE(mach::self_ports(&self) == Error::none);
        REQUIRE(mach::port_allocate(self.task, mach::RightType::receive, &service) == Error::none);
        PortName previous = 0;
        REQUIRE(mach::port_request_notification(self.task, service, mach::NotificationKind::no_senders, service,
                    Disposition::make_send_once, &previous)
            == Error::none);
    }
    PortName send = kernel.give_send_right(server, service, client);
    std::thread serving(echo_server, std::ref(server), service);
    {
        ActAs as(client);
        mach::SelfPorts self {};
        REQUIRE(mach::self_ports(&self) == Error::none);
        PortName reply = 0;
        REQUIRE(mach::port_allocate(self.task, mach::RightType::receive, &reply) == Error::none);
        for (uint64_t i = 0; i < 200; i++) {
            Buffer buffer {};
            buffer.header = header_to(send, Disposition::copy_send, kValueSize);
            buffer.header.reply = reply;
            buffer.header.reply_disposition = Disposition::make_send_once;
            buffer.value = i;
            REQUIRE(mach::msg(&buffer.header, mach::kSend | mach::kReceive, kValueSize, sizeof(buffer), reply)
                == Error::none);
            REQUIRE(buffer.value == i + 1);
            REQUIRE(buffer.header.destination == reply);
        }
        REQUIRE(mach::port_destroy(self.task, send) == Error::none); // the server sees no senders and ends
        REQUIRE(mach::port_destroy(self.task, reply) == Error::none);
    }
    serving.join();
}

TEST_CASE("host kernel: a call to a task killed mid-RPC fails instead of hanging")
{
    HostKernel kernel;
    HostTask& server = kernel.create_task();
    HostTask& client = kernel.create_task();
    PortName service = 0;
    {
        ActAs as(server);
        REQUIRE(mach::port_allocate(server.task_name(), mach::RightType::receive, &service) == Error::none);
    }
    PortName send = kernel.give_send_right(server, service, client);
    std::thread calling([&] {
        ActAs as(client);
        PortName reply = 0;
        CHECK(mach::port_allocate(client.task_name(), mach::RightType::receive, &reply) == Error::none);
        Buffer buffer {};
        buffer.header = header_to(send, Disposition::copy_send, kValueSize);
        buffer.header.reply = reply;
        buffer.header.reply_disposition = Disposition::make_send_once;
        // The server takes the request and dies before answering: the
        // unused reply right comes back as a send-once notification.
        CHECK(
            mach::msg(&buffer.header, mach::kSend | mach::kReceive, kValueSize, sizeof(buffer), reply) == Error::none);
        CHECK(buffer.header.id == uint32_t(mach::NotificationKind::send_once));
        // And a new call finds the port dead.
        buffer.header = header_to(send, Disposition::copy_send, kValueSize);
        CHECK(mach::msg(&buffer.header, mach::kSend, kValueSize, 0, 0) == Error::port_dead);
    });
    {
        ActAs as(server);
        Buffer request {};
        REQUIRE(mach::msg(&request.header, mach::kReceive, 0, sizeof(request), service) == Error::none);
        CHECK(request.header.reply != mach::kNullName);
    }
    kernel.kill(server);
    calling.join();
}

TEST_CASE("host kernel: port calls check their arguments like the kernel's")
{
    HostKernel kernel;
    HostTask& task = kernel.create_task();
    HostTask& other = kernel.create_task();
    ActAs as(task);
    PortName name = 0;
    CHECK(mach::port_allocate(0x12345, mach::RightType::receive, &name) == Error::invalid_name);
    CHECK(mach::port_allocate(task.task_name(), mach::RightType::receive, nullptr) == Error::bad_address);
    REQUIRE(mach::port_allocate(task.task_name(), mach::RightType::receive, &name) == Error::none);
    mach::RightType type {};
    uint32_t references = 0;
    REQUIRE(mach::port_type(task.task_name(), name, &type, &references) == Error::none);
    CHECK(type == mach::RightType::receive);
    CHECK(mach::port_destroy(task.task_name(), name) == Error::none);
    CHECK(mach::port_destroy(task.task_name(), name) == Error::invalid_name);
    (void)other;
    // A thread acting for no task gets not_supported.
    std::thread outsider([] { CHECK(mach::thread_yield() == Error::not_supported); });
    outsider.join();
}
