// A client that floods ipcserver (its bootstrap port) with requests and
// never reads the replies. The replies are charged to this task's account
// (ipc/account.h), not the server's: the flood ends with this task's own
// requests refused (no_space), the server goes on answering another task
// meanwhile, and this task finds the replies that fit and one "reply lost"
// notice in its queue.
//   replyflood         (boot with start=ipcserver,replyflood)
#include "checks.h"
#include "ipc_protocol.h"

using namespace ipc_test;

namespace {

constexpr uint64_t kMaxRequests = 1000000;
constexpr uint64_t kOtherRounds = 100;

mach::SelfPorts g_self;
int g_failures = 0;
// Shared with the forked client: [0] its good round trips, [1] it ended, [2] it may start.
volatile uint64_t* g_shared = nullptr;

void check(bool ok, const char* what)
{
    if (!ok)
        g_failures++;
    mach::Line() << (ok ? "PASS " : "FAIL ") << what;
}

PortName new_port()
{
    PortName port = 0;
    (void)mach::port_allocate(g_self.task, mach::RightType::receive, &port);
    return port;
}

// Requests with replies to `reply` until one is refused; how many went, and
// why the last did not. The requests are bare headers, smaller than the
// replies: so the last replies find the account too full and are dropped.
uint64_t flood(PortName reply, Error& refused)
{
    Message m {};
    for (uint64_t sent = 0; sent < kMaxRequests; sent++) {
        m = request(g_self.bootstrap, kPing, sent, reply);
        m.header.size = sizeof(mach::MessageHeader);
        refused = mach::msg(&m.header, mach::kSend, m.header.size, 0, 0);
        if (refused != Error::none)
            return sent;
    }
    return kMaxRequests;
}

// The other client: a forked task (its own account) pinging the server
// once the flood has exhausted this task's account.
[[noreturn]] void other_client(uint64_t)
{
    (void)mach::self_ports(&g_self);
    PortName reply = new_port();
    while (!g_shared[2])
        (void)mach::thread_sleep(10000000);
    Message m {};
    uint64_t good = 0;
    for (uint64_t i = 0; i < kOtherRounds; i++) {
        if (call(g_self.bootstrap, kPing, i, reply, m) == Error::none && *value_slot(m) == i + 1)
            good++;
    }
    g_shared[0] = good;
    g_shared[1] = 1;
    mach::task_exit(0);
}

// Forks the other client, which waits for its turn. Before the flood: with
// its account exhausted, this task gets no reply, not even the kernel's.
bool start_other_client()
{
    PortName object = 0;
    uint64_t shared = 0;
    (void)mach::memory_object_create(4096, &object);
    (void)mach::vm_map(g_self.task, &shared, 4096, object, 0, mach::kVmAnywhere, mach::kVmRead | mach::kVmWrite);
    g_shared = reinterpret_cast<volatile uint64_t*>(shared);
    return test_checks::fork_and_start(g_self.task, "replyflood-other", &other_client) != 0;
}

// Lets the other client run and waits for it to end (no message: a sleep needs no reply); its good round trips.
uint64_t run_other_client()
{
    g_shared[2] = 1;
    for (int i = 0; i < 1000 && !g_shared[1]; i++)
        (void)mach::thread_sleep(10000000);
    return g_shared[0];
}

// Reads what waits on `reply`: the replies kept, and the notices that
// others were lost (flagged kReplyLost, unlike a right destroyed unused).
void drain(PortName reply, uint64_t& replies, uint64_t& notices)
{
    Message m {};
    replies = notices = 0;
    while (mach::msg(&m.header, mach::kReceive | mach::kReceiveTimeout, 0, sizeof(m), reply, 0) == Error::none) {
        if (m.header.id == kPing + kReplyOffset)
            replies++;
        else if (m.header.id == uint32_t(mach::NotificationKind::send_once)) {
            mach::NotificationBody body {};
            __builtin_memcpy(&body, &m.header + 1, sizeof(body));
            notices += body.flags == mach::kReplyLost;
        }
    }
}

} // namespace

int main(int, char**, char**)
{
    if (mach::self_ports(&g_self) != Error::none || !g_self.bootstrap) {
        mach::Line() << "FAIL no bootstrap port";
        return 1;
    }
    PortName reply = new_port();
    check(start_other_client(), "other_client_started");
    Error refused = Error::none;
    uint64_t sent = flood(reply, refused);
    mach::Line() << sent << " requests sent, then " << error_name(refused);
    check(refused == Error::no_space, "flood_refused_with_no_space");
    check(run_other_client() == kOtherRounds, "server_answers_another_task_meanwhile");
    uint64_t replies = 0, notices = 0;
    drain(reply, replies, notices);
    mach::Line() << replies << " replies kept, " << notices << " reply-lost notices";
    check(replies > 0 && replies < sent, "replies_kept_until_own_account_full");
    check(notices == 1, "one_reply_lost_notice");
    Message m {};
    check(call(g_self.bootstrap, kPing, 41, reply, m) == Error::none && *value_slot(m) == 42, "served_after_draining");
    check(call(g_self.bootstrap, kQuit, 0, reply, m) == Error::none, "server_quits");
    mach::Line() << "done " << g_failures << " failed";
    return g_failures ? 1 : 0;
}
