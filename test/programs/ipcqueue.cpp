// Queue limits and timeouts, in one task: a port filled to its limit
// refuses plain sends (at once or after a timeout), still takes a
// send-once message, and a receive with a timeout gives up.
#include "checks.h"
#include "ipc_protocol.h"

using namespace ipc_test;
using namespace test_checks;

namespace {

mach::SelfPorts g_self;

Error send_to(PortName port, Disposition disposition, uint32_t options, uint64_t timeout_ns)
{
    Message m = request(port, 7, 0, mach::kNullName);
    m.header.destination_disposition = disposition;
    return mach::msg(&m.header, mach::kSend | options, kPlainSize, 0, 0, timeout_ns);
}

uint64_t now()
{
    uint64_t ns = 0;
    (void)mach::clock_monotonic(&ns);
    return ns;
}

} // namespace

int main(int, char**, char**)
{
    (void)mach::self_ports(&g_self);
    PortName port = 0;
    check(mach::port_allocate(g_self.task, mach::RightType::receive, &port) == Error::none, "port_allocated");
    check(mach::port_set_queue_limit(g_self.task, port, 4) == Error::none, "limit_set");
    check(mach::port_set_queue_limit(g_self.task, port, 0) == Error::invalid_argument, "limit_0_refused");
    check(mach::port_set_queue_limit(g_self.task, port, mach::kMaxQueueLimit + 1) == Error::invalid_argument,
        "limit_too_big_refused");
    bool filled = true;
    for (int i = 0; i < 4; i++)
        filled &= send_to(port, Disposition::make_send, mach::kSendTimeout, 0) == Error::none;
    check(filled, "four_messages_queued");
    check(send_to(port, Disposition::make_send, mach::kSendTimeout, 0) == Error::queue_full, "fifth_refused_at_once");
    uint64_t before = now();
    Error waited = send_to(port, Disposition::make_send, mach::kSendTimeout, 50000000);
    uint64_t elapsed = now() - before;
    check(waited == Error::timed_out && elapsed >= 40000000, "fifth_times_out_after_waiting");
    check(
        send_to(port, Disposition::make_send_once, mach::kSendTimeout, 0) == Error::none, "send_once_always_accepted");
    Message m {};
    int received = 0;
    while (mach::msg(&m.header, mach::kReceive | mach::kReceiveTimeout, 0, sizeof(m), port, 0) == Error::none)
        received++;
    check(received == 5, "five_received");
    before = now();
    Error empty = mach::msg(&m.header, mach::kReceive | mach::kReceiveTimeout, 0, sizeof(m), port, 30000000);
    check(empty == Error::timed_out && now() - before >= 20000000, "receive_times_out");
    // A message larger than the buffer stays queued.
    check(send_to(port, Disposition::make_send, 0, 0) == Error::none, "sent_again");
    check(mach::msg(&m.header, mach::kReceive, 0, 16, port) == Error::too_large, "too_large_for_buffer");
    check(mach::msg(&m.header, mach::kReceive, 0, sizeof(m), port) == Error::none, "received_after_too_large");
    return finish();
}
