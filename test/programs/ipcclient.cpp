// An IPC test client of ipcserver (it holds a send right to the server's
// bootstrap port). Modes, from the module's second word:
//   ipcclient rpc N     N ping round trips, the port set, payloads, kernel objects, then kQuit
//   ipcclient victim    asks the server to die mid-RPC and checks what it is told
#include "checks.h"
#include "ipc_protocol.h"

using namespace ipc_test;
using namespace test_checks;

namespace {

mach::SelfPorts g_self;

PortName new_port()
{
    PortName port = 0;
    (void)mach::port_allocate(g_self.task, mach::RightType::receive, &port);
    return port;
}

void ping_many(PortName reply, uint64_t rounds)
{
    uint64_t good = 0;
    Message m {};
    for (uint64_t i = 0; i < rounds; i++) {
        if (call(g_self.bootstrap, kPing, i, reply, m) == Error::none && m.header.id == kPing + kReplyOffset
            && *value_slot(m) == i + 1)
            good++;
    }
    mach::Line() << good << " of " << rounds << " round trips ok";
    check(good == rounds, "ping_round_trips");
}

// Asks for a member port, then asks through it which member it reached.
void check_port_set(PortName reply)
{
    Message m {};
    bool ok = true;
    for (uint64_t member = 1; member <= 2; member++) {
        if (call(g_self.bootstrap, kGetPort, member, reply, m) != Error::none || m.header.descriptor_count != 1) {
            ok = false;
            continue;
        }
        PortName port = m.port.port.name;
        ok &= call(port, kWhoAmI, 0, reply, m) == Error::none && *value_slot(m) == member;
        (void)mach::port_deallocate(g_self.task, port);
    }
    ok &= call(g_self.bootstrap, kWhoAmI, 0, reply, m) == Error::none && *value_slot(m) == 0;
    check(ok, "port_set_members");
}

void check_payload(PortName reply)
{
    Message m {};
    bool ok = call(g_self.bootstrap, kOpen, 0x77, reply, m) == Error::none && m.header.descriptor_count == 1;
    PortName file = ok ? m.port.port.name : 0;
    ok = ok && call(file, kWhoAmI, 0, reply, m) == Error::none && *value_slot(m) == (0x77u << 8);
    check(ok, "payload_arrives");
    // The server logs "payload 119 released" for this.
    check(mach::port_deallocate(g_self.task, file) == Error::none, "payload_right_dropped");
}

void check_kernel_objects()
{
    mach::TaskInfo task {};
    Error status = mach::kernel_call(g_self.task, mach::KernelCall::task_info, nullptr, 0, &task, sizeof(task));
    check(status == Error::none && task.thread_count == 1 && task.port_names > 0, "task_info");
    mach::ThreadInfo thread {};
    status = mach::kernel_call(g_self.thread, mach::KernelCall::thread_info, nullptr, 0, &thread, sizeof(thread));
    check(status == Error::none && thread.state == 1, "thread_info");
    mach::HostStatistics host {};
    status = mach::kernel_call(g_self.host, mach::KernelCall::host_statistics, nullptr, 0, &host, sizeof(host));
    check(status == Error::none && host.tasks >= 2 && host.ports > 0 && host.free_frames > 0, "host_statistics");
    status = mach::kernel_call(g_self.host, mach::KernelCall::task_info, nullptr, 0, &task, sizeof(task));
    check(status == Error::not_supported, "wrong_kernel_call_refused");
}

void run_rpc(uint64_t rounds)
{
    PortName reply = new_port();
    ping_many(reply, rounds);
    check_port_set(reply);
    check_payload(reply);
    check_kernel_objects();
    Message m {};
    check(call(g_self.bootstrap, kQuit, 0, reply, m) == Error::none, "server_quits");
}

// The server dies holding our request: the reply right dies unused (a
// send-once notification), and our send right becomes a dead name.
void run_victim()
{
    PortName reply = new_port();
    PortName notify = new_port();
    PortName previous = 0;
    check(mach::port_request_notification(g_self.task, g_self.bootstrap, mach::NotificationKind::dead_name, notify,
              Disposition::make_send_once, &previous)
            == Error::none,
        "dead_name_requested");
    Message m {};
    Error status = call(g_self.bootstrap, kDieNow, 0, reply, m);
    check(
        status == Error::none && m.header.id == uint32_t(mach::NotificationKind::send_once), "reply_right_died_unused");
    status = mach::msg(&m.header, mach::kReceive | mach::kReceiveTimeout, 0, sizeof(m), notify, 2000000000ull);
    auto* body = reinterpret_cast<mach::NotificationBody*>(value_slot(m));
    check(status == Error::none && m.header.id == uint32_t(mach::NotificationKind::dead_name)
            && body->name == g_self.bootstrap,
        "dead_name_notification");
    m = request(g_self.bootstrap, kPing, 1, reply);
    status = mach::msg(&m.header, mach::kSend, kPlainSize, 0, 0);
    check(status == Error::port_dead, "send_to_dead_port_refused");
    mach::RightType type {};
    uint32_t references = 0;
    check(mach::port_type(g_self.task, g_self.bootstrap, &type, &references) == Error::none
            && type == mach::RightType::dead_name,
        "name_is_dead_name");
}

} // namespace

int main(int argc, char** argv, char**)
{
    if (mach::self_ports(&g_self) != Error::none || !g_self.bootstrap) {
        mach::Line() << "FAIL no bootstrap port";
        return 1;
    }
    if (argc >= 2 && same_text(argv[1], "rpc"))
        run_rpc(argc >= 3 ? parse_decimal(argv[2]) : 100);
    else if (argc >= 2 && same_text(argv[1], "victim"))
        run_victim();
    else
        check(false, "known_mode");
    return finish();
}
