// A hostile task: it throws garbage at mach_msg and the port calls — bad
// pointers, bad names, wrong dispositions, huge sizes, its own receive
// right sent into its own queue, random bytes — and checks that each gets
// an error, and that the kernel's object counts return to their baseline.
#include "checks.h"
#include "ipc_protocol.h"

using namespace ipc_test;
using namespace test_checks;

namespace {

mach::SelfPorts g_self;

mach::HostStatistics statistics() { return host_statistics(g_self.host); }

uint64_t g_random = 0x2545f4914f6cdd1dull;
uint64_t random()
{
    g_random ^= g_random << 13;
    g_random ^= g_random >> 7;
    g_random ^= g_random << 17;
    return g_random;
}

void bad_pointers(PortName port)
{
    const uint64_t addresses[] = { 0x0, 0x1000, 0xffffffff80000000, 0x00007ffffffff000, 0x8000000000000000 };
    bool all = true;
    for (uint64_t address : addresses) {
        Error sent = mach::msg(reinterpret_cast<mach::MessageHeader*>(address), mach::kSend, 48, 0, 0);
        Error received = mach::msg(
            reinterpret_cast<mach::MessageHeader*>(address), mach::kReceive | mach::kReceiveTimeout, 0, 4096, port, 0);
        all &= sent == Error::bad_address && (received == Error::timed_out || received == Error::bad_address);
    }
    check(all, "bad_pointers_refused");
    check(mach::port_allocate(g_self.task, mach::RightType::receive, reinterpret_cast<PortName*>(0x10))
            == Error::bad_address,
        "port_allocate_bad_output");
    PortName* kernel = reinterpret_cast<PortName*>(0xffffffff80100000ull);
    check(mach::port_extract_right(g_self.task, port, Disposition::make_send, kernel) == Error::bad_address,
        "extract_right_bad_output");
}

void bad_headers(PortName port)
{
    Message m = request(port, 1, 0, mach::kNullName);
    m.header.destination_disposition = Disposition::make_send;
    auto send = [&](Message copy, uint32_t size) { return mach::msg(&copy.header, mach::kSend, size, 0, 0); };
    Message wrong = m;
    wrong.header.destination = 0x7777;
    check(send(wrong, kPlainSize) == Error::invalid_name, "unknown_name");
    wrong = m;
    wrong.header.destination_disposition = Disposition::move_receive;
    check(send(wrong, kPlainSize) == Error::invalid_disposition, "receive_as_destination");
    wrong = m;
    wrong.header.destination_disposition = Disposition(200);
    check(send(wrong, kPlainSize) == Error::invalid_disposition, "garbage_disposition");
    wrong = m;
    wrong.header.destination_disposition = Disposition::copy_send; // a receive right, not a send right
    check(send(wrong, kPlainSize) == Error::invalid_right, "wrong_right");
    check(send(m, 1u << 30) == Error::too_large, "huge_size");
    check(send(m, 12) == Error::invalid_argument, "tiny_size");
    wrong = m;
    wrong.header.size = 4000;
    check(send(wrong, kPlainSize) == Error::invalid_argument, "size_mismatch");
    wrong = m;
    wrong.header.descriptor_count = 60000;
    check(send(wrong, kPlainSize) == Error::invalid_argument, "descriptor_count_lies");
    // Its own receive right, into its own queue.
    wrong = m;
    wrong.header.descriptor_count = 1;
    wrong.header.size = kWithPortSize;
    wrong.port.port.type = mach::DescriptorType::port;
    wrong.port.port.name = port;
    wrong.port.port.disposition = Disposition::move_receive;
    check(send(wrong, kWithPortSize) == Error::invalid_disposition, "own_receive_right_into_itself");
    mach::RightType type {};
    uint32_t references = 0;
    check(mach::port_type(g_self.task, port, &type, &references) == Error::none && type == mach::RightType::receive,
        "receive_right_kept");
    check(mach::msg(&m.header, 0xff00, 0, 0, 0) == Error::invalid_argument, "unknown_options");
    check(mach::msg(&m.header, 0, 0, 0, 0) == Error::invalid_argument, "no_options");
}

void bad_port_calls(PortName port)
{
    PortName name = 0; // output: zeroed by a refused call
    check(mach::port_allocate(0x4242, mach::RightType::receive, &name) == Error::invalid_name, "bad_task_name");
    check(mach::port_allocate(port, mach::RightType::receive, &name) == Error::invalid_name, "not_a_task_port");
    check(mach::port_allocate(g_self.task, mach::RightType(99), &name) == Error::invalid_argument, "bad_right_type");
    check(mach::port_deallocate(g_self.task, 0xdeadbeef) == Error::invalid_name, "deallocate_garbage");
    check(mach::port_mod_refs(g_self.task, port, mach::RightType::receive, -5) == Error::invalid_argument,
        "mod_refs_garbage");
    check(
        mach::port_insert_right(g_self.task, 0, port, Disposition::make_send) == Error::invalid_name, "insert_at_null");
    check(mach::port_move_member(g_self.task, port, port) == Error::invalid_right, "port_is_no_set");
    PortName previous = 0;
    check(mach::port_request_notification(
              g_self.task, port, mach::NotificationKind(77), port, Disposition::make_send_once, &previous)
            == Error::invalid_argument,
        "bad_notification_kind");
    check(mach::syscall6(mach::Syscall::port_type, g_self.task, port, 0, 0) == Error::bad_address, "type_bad_output");
}

// Random headers and descriptors: every one must be refused or delivered, none may crash the kernel.
void random_messages(PortName port)
{
    Message m {};
    int errors = 0;
    for (int i = 0; i < 3000; i++) {
        uint64_t* words = reinterpret_cast<uint64_t*>(&m);
        for (size_t w = 0; w < sizeof(m) / 8; w++)
            words[w] = random();
        if (i % 2) {
            m.header.destination = port;
            m.header.destination_disposition = Disposition::make_send;
            m.header.size = (random() % 2) ? kPlainSize : kWithPortSize;
            m.header.descriptor_count = random() % 2;
            m.header.reserved = 0;
            m.header.reply = random() % 4 ? mach::kNullName : port;
            m.header.reply_disposition = m.header.reply ? Disposition(random() % 7) : Disposition::none;
        }
        uint32_t size = uint32_t(random() % 2 ? m.header.size : random() % 128);
        if (mach::msg(&m.header, mach::kSend | mach::kSendTimeout, size, 0, 0, 0) != Error::none)
            errors++;
        while (mach::msg(&m.header, mach::kReceive | mach::kReceiveTimeout, 0, sizeof(m), port, 0) == Error::none) {
            if (m.header.reply)
                (void)mach::port_destroy(g_self.task, m.header.reply);
            if (m.header.descriptor_count && m.port.port.name && m.port.port.name != mach::kDeadName)
                (void)mach::port_destroy(g_self.task, m.port.port.name);
        }
    }
    mach::Line() << "random messages: " << int64_t(errors) << " of 3000 refused";
    check(errors > 0 && errors < 3000, "random_messages_survived");
}

// Floods one of its own ports: its quota of messages in flight runs out
// (no_space) long before the kernel's memory does.
void flood()
{
    static uint8_t big[16384 + sizeof(mach::MessageHeader)];
    PortName port = 0;
    (void)mach::port_allocate(g_self.task, mach::RightType::receive, &port);
    (void)mach::port_set_queue_limit(g_self.task, port, mach::kMaxQueueLimit);
    auto* header = reinterpret_cast<mach::MessageHeader*>(big);
    Error status = Error::none;
    int sent = 0;
    while (status == Error::none && sent < int(mach::kMaxQueueLimit)) {
        *header = {};
        header->destination = port;
        header->destination_disposition = Disposition::make_send;
        header->size = sizeof(big);
        status = mach::msg(header, mach::kSend | mach::kSendTimeout, sizeof(big), 0, 0, 0);
        if (status == Error::none)
            sent++;
    }
    mach::Line() << "flood: " << int64_t(sent) << " messages of 16 KiB, then " << error_name(status);
    check(status == Error::no_space && sent < int(mach::kMaxQueueLimit), "flood_stops_at_quota");
    (void)mach::port_destroy(g_self.task, port);
}

bool same_counts(const mach::HostStatistics& a, const mach::HostStatistics& b)
{
    return a.ports == b.ports && a.port_sets == b.port_sets && a.payload_records == b.payload_records
        && a.messages == b.messages && a.names == b.names && a.dead_name_requests == b.dead_name_requests
        && a.free_frames == b.free_frames;
}

} // namespace

int main(int, char**, char**)
{
    (void)mach::self_ports(&g_self);
    // The kernel keeps a few pages cached after a first flood (its slab
    // caches keep a spare each): warm them up before taking the baseline.
    flood();
    g_failures = 0;
    mach::HostStatistics baseline = statistics();
    PortName port = 0;
    (void)mach::port_allocate(g_self.task, mach::RightType::receive, &port);
    bad_pointers(port);
    bad_headers(port);
    bad_port_calls(port);
    random_messages(port);
    flood();
    (void)mach::port_destroy(g_self.task, port);
    mach::HostStatistics after = statistics();
    mach::Line() << "ports " << after.ports << " (baseline " << baseline.ports << "), names " << after.names
                 << " (baseline " << baseline.names << "), messages " << after.messages << ", free frames "
                 << after.free_frames << " (baseline " << baseline.free_frames << ")";
    check(same_counts(baseline, after), "counts_back_to_baseline");
    return finish();
}
