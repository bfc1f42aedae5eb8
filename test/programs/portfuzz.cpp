// The in-guest message fuzzer: as an unprivileged user (uid 1000, gid 100,
// proven to auth and the file system), it sends malformed and random
// messages to every port such a user can reach — its init ports, the
// console, /dev nodes, /servers, open files of each kind, and its own
// task, thread and host ports — then checks that every server still
// answers. Run from the root file system by startup (/test/portfuzz):
//   portfuzz [COUNT [SEED [PORT]]]   COUNT messages (default 20000) from SEED,
//                                    to every port or only those whose name has PORT
// Each message has a random or real operation id, random body bytes and
// size, and descriptors with random names and dispositions (bad ones, its
// own rights, rights to its own ports) or wild out-of-line pointers.
#include "checks.h"

#include <auth/client.h>
#include <exec/init_ports.h>
#include <freestanding/string.h>
#include <fs_client/client.h>
#include <interfaces/auth.h>
#include <interfaces/exec.h>
#include <interfaces/fs.h>
#include <interfaces/fsys.h>
#include <interfaces/io.h>
#include <interfaces/proc.h>
#include <interfaces/term.h>
#include <mach/kernel_objects.h>
#include <rpc/client.h>
#include <rpc/rights.h>

using mach::Disposition;
using mach::KernelCall;
using mach::PortName;
using test_checks::check;
namespace client = fs::client;

namespace {

constexpr auth::Ids kUser { 1000, 100 };
constexpr uint32_t kBodyCapacity = 8192;
constexpr int kScratchPorts = 4;
constexpr int kMaxTargets = 24;
constexpr int kMaxSpared = 6;

uint64_t g_random = 0;
uint64_t random()
{
    g_random ^= g_random << 13;
    g_random ^= g_random >> 7;
    g_random ^= g_random << 17;
    return g_random;
}
uint32_t below(uint32_t bound) { return uint32_t(random() % bound); }

// An operation the fuzzer knows: its id, request size and rights.
struct KnownOperation {
    uint32_t id;
    uint32_t request_size;
    uint32_t rights;
};
template <typename Op> constexpr KnownOperation known()
{
    return { Op::kId, uint32_t(sizeof(typename Op::Request)), Op::kRequestRights };
}
constexpr KnownOperation kOperations[] = { known<fs::Lookup>(), known<fs::ReadDirectory>(), known<fs::MakeDirectory>(),
    known<fs::RemoveDirectory>(), known<fs::Unlink>(), known<fs::Symlink>(), known<fs::Rename>(), known<fs::Link>(),
    known<fs::SetAttribute>(), known<fs::ReadLink>(), known<fs::SetTranslator>(), known<fs::GetTranslator>(),
    known<fs::GetTranslatorControl>(), known<io::Read>(), known<io::Write>(), known<io::Seek>(), known<io::Select>(),
    known<io::GetStat>(), known<io::Duplicate>(), known<io::Reauthenticate>(), known<fsys::GetRoot>(),
    known<fsys::GetOptions>(), known<fsys::GoAway>(), known<fsys::Statistics>(), known<fsys::SetOptions>(),
    known<fsys::Startup>(), known<auth::GetIds>(), known<auth::MakeHandle>(), known<auth::Vouch>(),
    known<auth::Verify>(), known<proc::Child>(), known<proc::GetIds>(), known<proc::Wait>(),
    known<proc::SetProcessGroup>(), known<proc::GetProcessGroup>(), known<proc::List>(), known<proc::Reexec>(),
    known<proc::SetSignals>(), known<proc::Shutdown>(), known<proc::GivePower>(), known<term::GetAttributes>(),
    known<term::GetWindowSize>(), known<term::SetWindowSize>(), known<term::GetForegroundGroup>(),
    known<term::SetForegroundGroup>(), known<term::Flush>(), known<exec::Exec>(),
    { uint32_t(KernelCall::task_info), 0, 0 }, { uint32_t(KernelCall::task_set_bootstrap), 0, 1 },
    { uint32_t(KernelCall::thread_info), 0, 0 }, { uint32_t(KernelCall::host_statistics), 0, 0 },
    { uint32_t(KernelCall::host_boot_module), 16, 0 } };
constexpr uint32_t kOperationCount = sizeof(kOperations) / sizeof(kOperations[0]);

// A port the fuzzer sends to, and the ids it never sends there: what
// would only end the fuzzer itself (its own task's termination, a thread
// at a random address, proc Exit; proc Reexec, which rebinds its process
// to a random right, whose death then reads as the fuzzer's end), fill the
// test's log (console writes). proc Kill is fuzzed: proc knows the fuzzer
// as uid 1000 (become_user), so a kill may reach only its own processes.
struct Target {
    const char* what;
    PortName port;
    uint32_t spared[kMaxSpared];
};

Target g_targets[kMaxTargets];
int g_target_count = 0;
mach::SelfPorts g_self;
exec::InitPorts g_init;
PortName g_reply = mach::kNullName; // replies come here
PortName g_scratch[kScratchPorts]; // receive rights a message may give away
uint64_t g_scratch_page = 0; // memory a message may take out of line with deallocate
bool g_scratch_page_given = false; // a message was sent with it so: it may be gone
alignas(16) uint8_t g_send[sizeof(mach::MessageHeader) + 8 * sizeof(mach::Descriptor) + kBodyCapacity];
alignas(16) uint8_t g_receive[mach::kMaxMessageSize];
uint64_t g_sent = 0, g_refused = 0, g_replies = 0;
constexpr uint32_t kErrorKinds = 64;
uint64_t g_refused_with[kErrorKinds]; // how often the kernel refused a send with each error

void add_target(const char* what, PortName port, std::initializer_list<uint32_t> spared = {})
{
    if (port == mach::kNullName || g_target_count == kMaxTargets)
        return;
    Target& target = g_targets[g_target_count++];
    target.what = what;
    target.port = port;
    int i = 0;
    for (uint32_t id : spared)
        target.spared[i++] = id;
}

void add_file(const char* what, const char* path, uint32_t flags = fs::kRead)
{
    Result<PortName> file = client::open(g_init[exec::kRootDirectory], g_init[exec::kWorkingDirectory], path, flags);
    if (file.ok())
        add_target(what, file.value());
    else
        mach::Line() << "cannot open " << path << ": " << error_name(file.error());
}

// A pipe's read end, from pflocal as the C library's pipe() makes one.
void add_pipe()
{
    Result<PortName> pipe = client::open(
        g_init[exec::kRootDirectory], g_init[exec::kRootDirectory], "/servers/pipe/pipe", fs::kRead | fs::kWrite);
    if (!pipe.ok())
        return;
    add_target("pipe", pipe.value());
    io::Duplicate::Reply reply {};
    rpc::Rights<1> got;
    if (rpc::call<io::Duplicate>(pipe.value(), { fs::kRead | fs::kNonBlocking, 0 }, reply, {}, &got) == Error::none)
        add_target("pipe read end", got[0].name);
}

// The user's identity: a handle from root's, the directories and proc
// reauthenticated with it, and root's handle given up.
bool become_user()
{
    Result<PortName> user = auth::client::make_handle(g_init[exec::kAuth], kUser);
    if (!user.ok())
        return false;
    for (exec::InitPort which : { exec::kRootDirectory, exec::kWorkingDirectory }) {
        Result<PortName> as_user = client::reauthenticate(g_init[which], user.value());
        if (!as_user.ok())
            return false;
        client::close(g_init[which]);
        g_init[which] = as_user.value();
    }
    if (auth::client::reauthenticate_proc(g_init[exec::kProc], user.value()) != Error::none)
        return false;
    (void)mach::port_deallocate(g_self.task, g_init[exec::kAuth]);
    g_init[exec::kAuth] = user.value();
    auth::GetIds::Reply ids {};
    return rpc::call<auth::GetIds>(g_init[exec::kAuth], {}, ids) == Error::none && ids.ids.uid == kUser.uid
        && !ids.ids.is_root();
}

void gather_targets(const exec::Descriptors& descriptors)
{
    const uint32_t write = io::Write::kId;
    add_target("root directory", g_init[exec::kRootDirectory]);
    add_target("working directory", g_init[exec::kWorkingDirectory]);
    add_target("auth", g_init[exec::kAuth]);
    add_target("proc", g_init[exec::kProc], { proc::Exit::kId, proc::Reexec::kId });
    add_target("exec", g_init[exec::kExecServer]);
    if (descriptors.count > 0)
        add_target("terminal", descriptors.names[0], { write, term::SetAttributes::kId });
    add_file("/dev/null", "/dev/null", fs::kRead | fs::kWrite);
    add_file("/dev/zero", "/dev/zero");
    add_file("/dev", "/dev");
    add_file("/servers", "/servers");
    add_file("/servers/pipe", "/servers/pipe");
    add_file("/etc/motd", "/etc/motd");
    add_file("/home/user", "/home/user");
    add_pipe();
    add_target("own task", g_self.task,
        { uint32_t(KernelCall::task_terminate), uint32_t(KernelCall::task_create), uint32_t(KernelCall::task_fork),
            uint32_t(KernelCall::thread_create) });
    add_target("own thread", g_self.thread, { uint32_t(KernelCall::thread_terminate) });
    add_target("host", g_self.host);
}

// The scratch rights and page a message may have given away, made again.
void refresh_scratch()
{
    for (PortName& name : g_scratch) {
        mach::RightType type {};
        uint32_t references = 0;
        if (name == mach::kNullName || mach::port_type(g_self.task, name, &type, &references) != Error::none
            || type != mach::RightType::receive) {
            if (name != mach::kNullName)
                (void)mach::port_destroy(g_self.task, name);
            name = mach::kNullName;
            (void)mach::port_allocate(g_self.task, mach::RightType::receive, &name);
        }
    }
    if (!g_scratch_page || g_scratch_page_given) {
        if (g_scratch_page)
            (void)mach::vm_deallocate(g_self.task, g_scratch_page, 4096);
        g_scratch_page = 0;
        g_scratch_page_given = false;
        (void)mach::vm_allocate(g_self.task, &g_scratch_page, 4096, mach::kVmAnywhere);
    }
}

Disposition random_disposition() { return Disposition(below(8) == 0 ? random() : below(7)); }

// A right a message carries: a target's (never moved: the fuzzer keeps
// them), a scratch right or a name that means nothing.
void random_port(mach::Descriptor& d)
{
    d.port.type = mach::DescriptorType::port;
    switch (below(6)) {
    case 0:
        d.port.name = g_targets[below(uint32_t(g_target_count))].port;
        d.port.disposition = below(4) ? Disposition::copy_send : Disposition(below(2) ? 200 : 1);
        break;
    case 1:
        d.port.name = g_reply;
        d.port.disposition = below(2) ? Disposition::make_send : Disposition::make_send_once;
        break;
    case 2:
        d.port.name = below(4) ? mach::kNullName : PortName(random());
        d.port.disposition = random_disposition();
        break;
    default: {
        // Mostly what a receive right may carry (a right to the fuzzer's own port, or the port itself).
        constexpr Disposition kValid[]
            = { Disposition::make_send, Disposition::make_send_once, Disposition::move_receive };
        d.port.name = g_scratch[below(kScratchPorts)];
        d.port.disposition = below(4) ? kValid[below(3)] : random_disposition();
        break;
    }
    }
}

void random_out_of_line(mach::Descriptor& d)
{
    const uint64_t wild[]
        = { 0, 1, 0xfff, 0xffffffff80000000ull, 0x00007ffffffff000ull, 0x8000000000000000ull, 0x10000000, random() };
    d.out_of_line.type = mach::DescriptorType::out_of_line;
    d.out_of_line.size = below(4) == 0 ? uint32_t(random()) : below(3 * 4096);
    d.out_of_line.deallocate = 0;
    switch (below(3)) {
    case 0: d.out_of_line.address = wild[below(sizeof(wild) / sizeof(wild[0]))]; break;
    case 1: // the fuzzer's own memory: never deallocated, or it would lose it
        d.out_of_line.address = reinterpret_cast<uint64_t>(g_send) + below(64);
        break;
    default:
        d.out_of_line.address = g_scratch_page;
        d.out_of_line.deallocate = uint8_t(below(2));
        g_scratch_page_given |= d.out_of_line.deallocate != 0;
        break;
    }
}

bool spared(const Target& target, uint32_t id)
{
    for (uint32_t s : target.spared) {
        if (s && s == id)
            return true;
    }
    return false;
}

uint32_t random_id(uint32_t& body_size, uint32_t& rights)
{
    body_size = below(512);
    rights = below(4) == 0 ? below(5) : 0;
    switch (below(8)) {
    case 0: return uint32_t(random());
    case 1: return below(0x1000); // the kernel's notifications
    case 2: return kOperations[below(kOperationCount)].id | rpc::kReplyBit;
    default: {
        const KnownOperation& op = kOperations[below(kOperationCount)];
        if (below(4)) { // well formed but for the bytes: it reaches the handler
            body_size = op.request_size;
            rights = op.rights;
        }
        return op.id;
    }
    }
}

// Builds and sends one message to `target`; never waits for room.
void send_one(const Target& target)
{
    uint32_t body_size = 0, rights = 0;
    uint32_t id = random_id(body_size, rights);
    if (spared(target, id))
        id = io::GetStat::kId;
    if (body_size > kBodyCapacity)
        body_size = kBodyCapacity;
    body_size &= ~7u;
    auto& header = *reinterpret_cast<mach::MessageHeader*>(g_send);
    header = {};
    header.destination = target.port;
    header.destination_disposition = below(32) ? Disposition::copy_send : Disposition(below(8));
    if (header.destination_disposition == Disposition::move_send)
        header.destination_disposition = Disposition::copy_send;
    switch (below(12)) {
    case 0: break;
    case 1:
        header.reply = PortName(random());
        header.reply_disposition = random_disposition();
        break;
    case 2:
        header.reply = g_scratch[below(kScratchPorts)];
        header.reply_disposition = random_disposition();
        break;
    case 3: // a plain send right to a port the fuzzer never reads: the answer must not hold the server
        header.reply = g_scratch[below(kScratchPorts)];
        header.reply_disposition = Disposition::make_send;
        break;
    default:
        header.reply = g_reply;
        header.reply_disposition = Disposition::make_send_once;
        break;
    }
    header.id = id;
    header.descriptor_count = uint16_t(rights);
    mach::Descriptor* descriptors = rpc::descriptors_of(header);
    for (uint32_t i = 0; i < rights; i++) {
        descriptors[i] = {};
        if (below(5) == 0)
            random_out_of_line(descriptors[i]);
        else
            random_port(descriptors[i]);
    }
    uint8_t* body = reinterpret_cast<uint8_t*>(descriptors + rights);
    for (uint32_t i = 0; i < body_size; i++)
        body[i] = below(2) ? uint8_t(random()) : uint8_t(below(4));
    uint32_t size = uint32_t(sizeof(header) + rights * sizeof(mach::Descriptor) + body_size);
    header.size = size;
    if (below(16) == 0)
        header.size = below(2) ? uint32_t(random()) : size - 8; // lies about its size
    if (below(32) == 0)
        header.descriptor_count = uint16_t(random());
    // A full queue: the server has not run since; let it, and try again.
    Error status = Error::queue_full;
    for (int attempt = 0; attempt < 4 && status == Error::queue_full; attempt++) {
        if (attempt)
            (void)mach::thread_yield();
        status = mach::msg(&header, mach::kSend | mach::kSendTimeout, size, 0, mach::kNullName, 0);
    }
    g_sent++;
    if (status != Error::none) {
        g_refused++;
        g_refused_with[uint32_t(status) % kErrorKinds]++;
    }
}

// Takes every reply that has come, giving up what they carried.
void drain_replies(uint64_t timeout_ns)
{
    auto& header = *reinterpret_cast<mach::MessageHeader*>(g_receive);
    for (;;) {
        Error status
            = mach::msg(&header, mach::kReceive | mach::kReceiveTimeout, 0, sizeof(g_receive), g_reply, timeout_ns);
        if (status != Error::none && status != Error::no_space)
            return;
        g_replies++;
        rpc::release_carried(header);
    }
}

// Every server answers within a few seconds (one that hangs is a finding,
// not a reason for the test to hang); the lookups go only to servers that did.
void check_servers_answer()
{
    constexpr uint64_t kAnswerNs = 5'000'000'000;
    io::GetStat::Reply stat {};
    bool root_answers
        = rpc::call<io::GetStat>(g_init[exec::kRootDirectory], {}, stat, {}, nullptr, kAnswerNs) == Error::none;
    check(root_answers, "root_file_system_answers");
    proc::GetIds::Reply me {};
    check(rpc::call<proc::GetIds>(g_init[exec::kProc], {}, me, {}, nullptr, kAnswerNs) == Error::none && me.pid > 1,
        "proc_answers");
    auth::GetIds::Reply ids {};
    check(rpc::call<auth::GetIds>(g_init[exec::kAuth], {}, ids, {}, nullptr, kAnswerNs) == Error::none
            && ids.ids.uid == kUser.uid,
        "auth_answers");
    if (!root_answers)
        return;
    Result<PortName> root = client::open(g_init[exec::kRootDirectory], g_init[exec::kRootDirectory], "/", fs::kRead);
    check(root.ok(), "a_new_lookup_of_root_works");
    if (root.ok())
        client::close(root.value());
    check(test_checks::reads(g_init[exec::kRootDirectory], "/dev/null", ""), "null_answers");
    Result<PortName> pipe = client::open(
        g_init[exec::kRootDirectory], g_init[exec::kRootDirectory], "/servers/pipe/pipe", fs::kRead | fs::kWrite);
    check(pipe.ok(), "pflocal_answers");
    if (pipe.ok())
        client::close(pipe.value());
}

bool holds(const char* text, const char* part)
{
    size_t length = freestanding::text_length(part);
    for (; *text; text++) {
        if (strncmp(text, part, length) == 0)
            return true;
    }
    return false;
}

// Keeps only the targets whose name holds `part` (to narrow a finding down).
void keep_targets(const char* part)
{
    int kept = 0;
    for (int i = 0; i < g_target_count; i++) {
        if (holds(g_targets[i].what, part))
            g_targets[kept++] = g_targets[i];
    }
    g_target_count = kept;
}

uint64_t number(const char* text, uint64_t otherwise)
{
    if (!text || !*text)
        return otherwise;
    uint64_t value = 0;
    for (; *text >= '0' && *text <= '9'; text++)
        value = value * 10 + uint64_t(*text - '0');
    return value;
}

} // namespace

int main(int argc, char** argv, char**)
{
    uint64_t count = number(argc > 1 ? argv[1] : nullptr, 20000);
    g_random = number(argc > 2 ? argv[2] : nullptr, 13) * 0x9e3779b97f4a7c15ull + 1;
    exec::Descriptors descriptors {};
    g_init = exec::receive_init_ports(&descriptors);
    (void)mach::self_ports(&g_self);
    check(become_user(), "dropped_to_uid_1000");
    gather_targets(descriptors);
    if (argc > 3)
        keep_targets(argv[3]);
    if (g_target_count == 0)
        return test_checks::finish();
    (void)mach::port_allocate(g_self.task, mach::RightType::receive, &g_reply);
    mach::Line() << int64_t(count) << " messages to " << int64_t(g_target_count) << " ports";
    uint64_t started = 0, now = 0;
    (void)mach::clock_monotonic(&started);
    for (uint64_t i = 0; i < count; i++) {
        refresh_scratch();
        send_one(g_targets[below(uint32_t(g_target_count))]);
        drain_replies(0);
        if (i % 100000 == 99999)
            mach::Line() << int64_t(i + 1) << " sent";
    }
    drain_replies(100'000'000);
    (void)mach::clock_monotonic(&now);
    mach::Line() << "sent " << int64_t(g_sent) << " (" << int64_t(g_refused) << " refused by the kernel), "
                 << int64_t(g_replies) << " replies, " << int64_t((now - started) / 1'000'000) << " ms";
    for (uint32_t kind = 0; kind < kErrorKinds; kind++) {
        if (g_refused_with[kind])
            mach::Line() << "refused with " << error_name(Error(kind)) << ": " << int64_t(g_refused_with[kind]);
    }
    check(g_sent == count, "every_message_went_out");
    check_servers_answer();
    return test_checks::finish();
}
