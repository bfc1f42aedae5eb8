// User-mode benchmarks, run in a bench boot: the module "bench" measures
// and prints (each line logs as "bench: <name> <value> <unit>"); the module
// "benchpeer" is the other task of the RPC benchmark. Under qemu -icount
// the TSC counts guest instructions.
#include "bench_measure.h"
#include "checks.h"
#include <exec/init_ports.h>
#include <runtime/mach.h>
#include <runtime/print.h>
#include <runtime/syscall_stub.h>
#include <stdint.h>

namespace {

using mach::Disposition;
using mach::PortName;

constexpr uint64_t kRounds = 10000;
constexpr uint64_t kUnusedCall = 63; // rejected at once: the bare entry and exit
constexpr uint32_t kPeerHello = 1;

mach::SelfPorts g_self;

using bench::measure;

struct Buffer {
    mach::MessageHeader header;
    union {
        mach::Descriptor descriptor;
        uint8_t data[4096];
    };
};

Buffer g_buffer;

mach::MessageHeader header_to(PortName port, Disposition disposition, uint32_t size)
{
    mach::MessageHeader header {};
    header.destination = port;
    header.destination_disposition = disposition;
    header.size = size;
    return header;
}

void bench_messages()
{
    PortName port = 0;
    (void)mach::port_allocate(g_self.task, mach::RightType::receive, &port);
    measure("oneway_msg", kRounds, [&] {
        g_buffer.header = header_to(port, Disposition::make_send, sizeof(mach::MessageHeader));
        (void)mach::msg(&g_buffer.header, mach::kSend, g_buffer.header.size, 0, 0);
        (void)mach::msg(&g_buffer.header, mach::kReceive, 0, sizeof(g_buffer), port);
    });
    measure("inline_4k", kRounds / 10, [&] {
        g_buffer.header = header_to(port, Disposition::make_send, sizeof(g_buffer));
        (void)mach::msg(&g_buffer.header, mach::kSend, g_buffer.header.size, 0, 0);
        (void)mach::msg(&g_buffer.header, mach::kReceive, 0, sizeof(g_buffer), port);
    });
    uint64_t region = 0;
    constexpr uint32_t kRegion = 64 * 1024;
    (void)mach::vm_allocate(g_self.task, &region, kRegion, mach::kVmAnywhere);
    for (uint32_t offset = 0; offset < kRegion; offset += 4096)
        reinterpret_cast<volatile uint8_t*>(region)[offset] = 1;
    measure("ool_64k", kRounds / 100, [&] {
        g_buffer.header
            = header_to(port, Disposition::make_send, sizeof(mach::MessageHeader) + sizeof(mach::Descriptor));
        g_buffer.header.descriptor_count = 1;
        g_buffer.descriptor.out_of_line = { mach::DescriptorType::out_of_line, 0, 0, kRegion, region };
        (void)mach::msg(&g_buffer.header, mach::kSend, g_buffer.header.size, 0, 0);
        (void)mach::msg(&g_buffer.header, mach::kReceive, 0, sizeof(g_buffer), port);
        (void)mach::vm_deallocate(g_self.task, g_buffer.descriptor.out_of_line.address, kRegion);
    });
    measure("port_alloc", kRounds, [&] {
        PortName name = 0;
        (void)mach::port_allocate(g_self.task, mach::RightType::receive, &name);
        (void)mach::port_destroy(g_self.task, name);
    });
    (void)mach::port_destroy(g_self.task, port);
}

uint64_t now_ns()
{
    uint64_t now = 0;
    (void)mach::clock_monotonic(&now);
    return now;
}

// One null RPC to benchpeer through `peer`, its reply on `reply`.
void null_rpc(PortName peer, PortName reply)
{
    g_buffer.header = header_to(peer, Disposition::copy_send, sizeof(mach::MessageHeader));
    g_buffer.header.reply = reply;
    g_buffer.header.reply_disposition = Disposition::make_send_once;
    (void)mach::msg(&g_buffer.header, mach::kSend | mach::kReceive, g_buffer.header.size, sizeof(g_buffer), reply);
}

// The CPU-bound thread of cpu_share_beside_rpc: counts while it runs.
volatile uint64_t g_spins = 0;

[[noreturn]] void spin_forever(uint64_t)
{
    for (;;)
        g_spins = g_spins + 1;
}

// What a CPU-bound thread gets of the CPU while this thread and benchpeer
// hand it back and forth with null RPCs, in percent of what it gets alone
// (this thread asleep) in as long a window. Fair: about half (the pair
// shares one time slice: see kern/scheduler.h); the bar is a third.
void bench_cpu_share(PortName peer, PortName reply)
{
    constexpr uint64_t kWindowNs = 150000000; // 5 time slices
    uint64_t stack = 0;
    constexpr uint64_t kStack = 16384;
    PortName spinner = 0;
    mach::ThreadCreateRequest request { reinterpret_cast<uint64_t>(&spin_forever), 0, 0, 0 };
    if (mach::vm_allocate(g_self.task, &stack, kStack, mach::kVmAnywhere) != Error::none)
        return;
    request.rsp = stack + kStack - 8; // as after a call: the ABI's stack alignment
    if (mach::kernel_call(g_self.task, mach::KernelCall::thread_create, &request, sizeof(request), nullptr, 0, &spinner)
        != Error::none) {
        mach::Line() << "cpu_share_beside_rpc: no thread";
        return;
    }
    uint64_t start = g_spins;
    (void)mach::thread_sleep(kWindowNs);
    uint64_t alone = g_spins - start;
    start = g_spins;
    for (uint64_t end = now_ns() + kWindowNs; now_ns() < end;)
        null_rpc(peer, reply);
    uint64_t beside_rpc = g_spins - start;
    (void)mach::kernel_call(spinner, mach::KernelCall::thread_terminate, nullptr, 0, nullptr, 0);
    (void)mach::port_deallocate(g_self.task, spinner);
    mach::Line() << "cpu_share_beside_rpc " << (alone ? beside_rpc * 100 / alone : 0) << " percent";
}

// Round trips to benchpeer: a request with a fresh send-once reply right,
// answered through it, each side in one mach_msg.
void bench_rpc()
{
    g_buffer.header = {};
    if (mach::msg(&g_buffer.header, mach::kReceive | mach::kReceiveTimeout, 0, sizeof(g_buffer), g_self.bootstrap,
            5000000000ull)
            != Error::none
        || g_buffer.header.id != kPeerHello || g_buffer.header.descriptor_count != 1) {
        mach::Line() << "null_rpc: no peer";
        return;
    }
    PortName peer = g_buffer.descriptor.port.name;
    PortName reply = 0;
    (void)mach::port_allocate(g_self.task, mach::RightType::receive, &reply);
    measure("null_rpc", kRounds, [&] { null_rpc(peer, reply); });
    bench_cpu_share(peer, reply);
    (void)mach::port_destroy(g_self.task, peer); // the peer's receive fails: it ends
}

// The peer: hands bench a send right to its port, then answers until that port loses its sender.
int run_peer()
{
    PortName service = 0;
    (void)mach::port_allocate(g_self.task, mach::RightType::receive, &service);
    PortName previous = 0;
    (void)mach::port_request_notification(
        g_self.task, service, mach::NotificationKind::no_senders, service, Disposition::make_send_once, &previous);
    g_buffer.header
        = header_to(g_self.bootstrap, Disposition::copy_send, sizeof(mach::MessageHeader) + sizeof(mach::Descriptor));
    g_buffer.header.id = kPeerHello;
    g_buffer.header.descriptor_count = 1;
    g_buffer.descriptor.port = { mach::DescriptorType::port, Disposition::make_send, 0, service, 0 };
    (void)mach::msg(&g_buffer.header, mach::kSend, g_buffer.header.size, 0, 0);
    uint32_t options = mach::kReceive;
    for (;;) {
        if (mach::msg(&g_buffer.header, options, sizeof(mach::MessageHeader), sizeof(g_buffer), service) != Error::none)
            return 1;
        if (g_buffer.header.id == uint32_t(mach::NotificationKind::no_senders))
            return 0;
        g_buffer.header = header_to(g_buffer.header.reply, Disposition::move_send_once, sizeof(mach::MessageHeader));
        options = mach::kSend | mach::kReceive;
    }
}

} // namespace

int main(int argc, char** argv, char**)
{
    (void)mach::self_ports(&g_self);
    exec::InitPorts start = exec::receive_init_ports(); // the start message comes first: none to keep
    exec::release(start);
    if (argc > 0 && test_checks::same_text(argv[0], "benchpeer"))
        return run_peer();
    measure("null_syscall", kRounds, [] { (void)mach::syscall6(kUnusedCall); });
    bench_messages();
    bench_rpc();
    return 0;
}
