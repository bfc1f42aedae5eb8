// The proc server on the real kernel. proctest plays pid 1 (startup): it
// starts proc from its boot module, handing it the receive right of its
// service port, registers children with Child and checks what proc says
// of them: ids, an exit status through Wait, a fault read as "killed by
// SIGKILL", no-hang, ECHILD, process groups, Kill, the process list, and
// bad requests answered with errors.
//   proctest                 pid 1 (the test)
//   proctest child-exit N    a child: checks its ids, reports exit N to proc, ends
//   proctest child-sleep     a child that waits to be killed
#include "checks.h"

#include <exec/init_ports.h>
#include <exec/spawn.h>
#include <interfaces/proc.h>
#include <rpc/client.h>

using mach::Disposition;
using mach::PortName;
using test_checks::check;

namespace {

mach::SelfPorts g_self;

struct Module {
    const uint8_t* bytes = nullptr;
    uint64_t size = 0;
};

// The boot module `name` (the first word of its command line), mapped read-only.
Module read_module(const char* name)
{
    mach::BootModuleRequest request {};
    for (size_t i = 0; name[i] && i < sizeof(request.name); i++)
        request.name[i] = name[i];
    mach::BootModuleReply reply {};
    PortName object = mach::kNullName;
    if (mach::kernel_call(
            g_self.host, mach::KernelCall::host_boot_module, &request, sizeof(request), &reply, sizeof(reply), &object)
        != Error::none)
        return {};
    uint64_t address = 0;
    uint64_t pages = (reply.size + 4095) & ~uint64_t(4095);
    Error mapped = mach::vm_map(g_self.task, &address, pages, object, 0, mach::kVmAnywhere, mach::kVmRead);
    (void)mach::port_deallocate(g_self.task, object);
    if (mapped != Error::none)
        return {};
    return { reinterpret_cast<const uint8_t*>(address), reply.size };
}

// ---- the proc calls ----

proc::GetIds::Reply ids(PortName handle, Error* status = nullptr)
{
    proc::GetIds::Reply reply {};
    Error e = rpc::call<proc::GetIds>(handle, {}, reply);
    if (status)
        *status = e;
    return reply;
}

struct Waited {
    Error status;
    int32_t pid;
    int32_t wait_status;
};

Waited wait(PortName handle, int32_t pid, uint32_t options = 0)
{
    proc::Wait::Reply reply {};
    Error e = rpc::call<proc::Wait>(handle, { pid, options }, reply);
    return { e, reply.pid, reply.status };
}

Error kill(PortName handle, int32_t pid, int32_t signal = proc::kSignalKill)
{
    proc::Kill::Reply reply {};
    return rpc::call<proc::Kill>(handle, { pid, signal }, reply);
}

// A registered child: its task, pid and handle.
struct Child {
    PortName task = mach::kNullName;
    int32_t pid = 0;
    PortName handle = mach::kNullName;
};

// Creates the task `argv[0]`, registers it as a child of `parent`, and
// starts `image` in it with its handle as bootstrap port.
Child start_child(PortName parent, const Module& image, const char* const* argv, size_t argc)
{
    Child child;
    Result<PortName> task = exec::create_task(argv[0]);
    if (!task.ok())
        return child;
    child.task = task.value();
    proc::Child::Request request {};
    request.name.set(argv[0]);
    proc::Child::Reply reply {};
    rpc::Rights<2> give;
    give[0] = { child.task, Disposition::copy_send };
    rpc::Rights<1> got;
    if (rpc::call<proc::Child>(parent, request, reply, give, &got) != Error::none)
        return child;
    child.pid = reply.pid;
    child.handle = got[0].name;
    exec::Program program { image.bytes, image.size, argv, argc, nullptr, 0 };
    (void)exec::load(child.task, program, child.handle, Disposition::copy_send);
    return child;
}

// Whether the process list holds `pid` named `name` with parent `parent` and `state`.
bool listed(PortName proc_port, int32_t pid, const char* name, int32_t parent, proc::State state)
{
    proc::List::Request request {};
    proc::List::Reply reply {};
    while (rpc::call<proc::List>(proc_port, request, reply) == Error::none) {
        for (uint32_t i = 0; i < reply.count; i++) {
            const proc::ProcessInfo& info = reply.entries[i];
            if (info.pid == pid)
                return test_checks::same_text(info.name, name) && info.parent == parent && info.state == state;
        }
        if (reply.next == proc::List::kListEnd)
            break;
        request.start = reply.next;
    }
    return false;
}

// ---- bad requests: Child's id with other shapes, and an id proc does not know ----

struct ChildWithoutTask : rpc::Operation<proc::Child::kId, 0, 1> {
    using Request = proc::Child::Request;
    using Reply = proc::Child::Reply;
};
struct Unknown : rpc::Operation<proc::kBase + 99> {
    using Request = rpc::Empty;
    using Reply = rpc::Empty;
};
struct ShortWait : rpc::Operation<proc::Wait::kId> {
    struct alignas(8) Request {
        uint32_t half;
        uint32_t reserved;
        uint64_t more[8]; // too long: the body does not fit Wait's
    };
    using Reply = proc::Wait::Reply;
};

void check_bad_requests(PortName proc_port)
{
    proc::Child::Reply child {};
    check(rpc::call<ChildWithoutTask>(proc_port, {}, child) == Error::invalid_argument, "child_without_a_task_refused");
    PortName receive = mach::kNullName;
    (void)mach::port_allocate(g_self.task, mach::RightType::receive, &receive);
    rpc::Rights<2> give;
    give[0] = { receive, Disposition::make_send_once };
    check(rpc::call<proc::Child>(proc_port, {}, child, give) == Error::invalid_right, "child_with_a_send_once_refused");
    (void)mach::port_destroy(g_self.task, receive);
    Unknown::Reply none {};
    check(rpc::call<Unknown>(proc_port, {}, none) == Error::not_supported, "unknown_operation_refused");
    ShortWait::Reply waited {};
    check(rpc::call<ShortWait>(proc_port, {}, waited) == Error::invalid_argument, "garbled_body_refused");
    check(kill(proc_port, 31999) == Error::not_found, "kill_of_a_missing_pid_is_esrch");
    check(kill(proc_port, proc::kInitPid) == Error::permission_denied, "init_cannot_be_killed");
    check(kill(proc_port, 2, 200) == Error::invalid_argument, "a_bad_signal_refused");
    check(wait(proc_port, 1, 7).status == Error::invalid_argument, "bad_wait_options_refused");
}

// ---- child modes ----

int child_exit(int32_t code)
{
    Error status = Error::none;
    proc::GetIds::Reply me = ids(g_self.bootstrap, &status);
    check(status == Error::none && me.parent == proc::kInitPid && me.group == proc::kInitPid && me.pid > 1,
        "child_knows_its_ids");
    (void)mach::thread_sleep(300'000'000); // long enough for the parent's wait to be parked first
    proc::Exit::Reply reply {};
    check(rpc::call<proc::Exit>(g_self.bootstrap, { code, 0 }, reply) == Error::none, "exit_reported");
    (void)test_checks::finish();
    return code;
}

int child_sleep()
{
    for (;;)
        (void)mach::thread_sleep(1'000'000'000);
}

// ---- pid 1 ----

// Starts proc with `bootstrap` given by `disposition`: its task port.
PortName start_proc(const Module& image, const char* name, PortName bootstrap, Disposition disposition)
{
    const char* argv[] = { name };
    exec::Program program { image.bytes, image.size, argv, 1, nullptr, 0 };
    return exec::spawn(program, bootstrap, disposition).value_or(mach::kNullName);
}

int run_test()
{
    Module proc_image = read_module("proc");
    Module self_image = read_module("proctest");
    Module fault_image = read_module("fault-null");
    check(proc_image.bytes && self_image.bytes && fault_image.bytes, "modules_read");
    if (!proc_image.bytes || !self_image.bytes || !fault_image.bytes)
        return test_checks::finish();

    // proc's service port: it gets the receive right, we keep a plain send right (we are pid 1).
    PortName service = mach::kNullName;
    PortName proc_port = mach::kNullName;
    (void)mach::port_allocate(g_self.task, mach::RightType::receive, &service);
    (void)mach::port_extract_right(g_self.task, service, Disposition::make_send, &proc_port);
    (void)exec::make_bootstrap({}, service); // its start message comes first
    PortName proc_task = start_proc(proc_image, "proc", service, Disposition::move_receive);
    check(proc_task != mach::kNullName, "proc_started");
    // Given a send right instead, proc says so and ends (status 1: the system test reads it).
    PortName other = mach::kNullName;
    (void)mach::port_allocate(g_self.task, mach::RightType::receive, &other);
    PortName wrong = start_proc(proc_image, "proc-wrong", other, Disposition::make_send);

    Error status = Error::none;
    proc::GetIds::Reply init = ids(proc_port, &status);
    check(status == Error::none && init.pid == 1 && init.parent == 0 && init.group == 1 && init.uid == 0,
        "a_plain_right_is_pid_1");
    check(listed(proc_port, 1, "startup", 0, proc::State::running), "pid_1_is_startup");

    // A child that exits 7: its status comes through a wait parked before it ended.
    const char* exit_argv[] = { "exiter", "child-exit", "7" };
    Child exiter = start_child(proc_port, self_image, exit_argv, 3);
    check(exiter.pid > 1 && exiter.handle != mach::kNullName, "child_registered");
    check(listed(proc_port, exiter.pid, "exiter", 1, proc::State::running), "child_listed");
    Waited waited = wait(proc_port, exiter.pid);
    check(waited.status == Error::none && waited.pid == exiter.pid && waited.wait_status == proc::exited_status(7)
            && (waited.wait_status & 0x7f) == 0 && ((waited.wait_status >> 8) & 0xff) == 7,
        "exit_status_through_wait");
    check(!listed(proc_port, exiter.pid, "exiter", 1, proc::State::zombie), "reaped_child_is_gone");
    ids(exiter.handle, &status);
    check(status == Error::not_found, "a_reaped_process_handle_is_refused");

    // A child that faults: killed by signal 9, found by a wait for any child.
    const char* fault_argv[] = { "faulter", "null" };
    Child faulter = start_child(proc_port, fault_image, fault_argv, 2);
    waited = wait(proc_port, -1);
    check(waited.status == Error::none && waited.pid == faulter.pid && waited.wait_status == proc::killed_status(9),
        "fault_reads_killed_by_sigkill");

    // A child that runs until killed.
    const char* sleep_argv[] = { "sleeper", "child-sleep" };
    Child sleeper = start_child(proc_port, self_image, sleep_argv, 2);
    proc::GetIds::Reply its = ids(sleeper.handle, &status);
    check(status == Error::none && its.pid == sleeper.pid && its.parent == 1 && its.group == 1,
        "ids_through_a_childs_handle");
    waited = wait(proc_port, -1, proc::kNoHang);
    check(waited.status == Error::none && waited.pid == 0, "no_hang_with_nothing_ended");
    check(wait(sleeper.handle, -1).status == Error::not_found, "wait_without_children_is_echild");
    check(wait(proc_port, 4242, proc::kNoHang).status == Error::not_found, "wait_for_a_stranger_is_echild");

    proc::SetProcessGroup::Reply set {};
    check(rpc::call<proc::SetProcessGroup>(proc_port, { sleeper.pid, 0 }, set) == Error::none, "setpgid_of_a_child");
    proc::GetProcessGroup::Reply group {};
    check(rpc::call<proc::GetProcessGroup>(proc_port, { sleeper.pid, 0 }, group) == Error::none
            && group.group == sleeper.pid,
        "getpgid_sees_it");
    check(rpc::call<proc::SetProcessGroup>(proc_port, { sleeper.pid, 4242 }, set) == Error::permission_denied,
        "setpgid_to_a_missing_group_refused");
    check(rpc::call<proc::SetProcessGroup>(sleeper.handle, { 1, 0 }, set) == Error::not_found,
        "setpgid_of_the_parent_refused");
    check(wait(proc_port, -sleeper.pid, proc::kNoHang).pid == 0, "group_wait_matches_it");
    check(wait(proc_port, -3333, proc::kNoHang).status == Error::not_found, "group_wait_for_no_group_is_echild");

    check_bad_requests(proc_port);

    check(kill(proc_port, sleeper.pid, 0) == Error::none, "signal_0_checks_only");
    check(listed(proc_port, sleeper.pid, "sleeper", 1, proc::State::running), "still_running");
    check(kill(proc_port, sleeper.pid) == Error::none, "kill_accepted");
    waited = wait(proc_port, -sleeper.pid);
    check(waited.status == Error::none && waited.pid == sleeper.pid && waited.wait_status == proc::killed_status(9),
        "killed_child_reads_signal_9");
    check(wait(proc_port, -1).status == Error::not_found, "no_children_left");

    // proc outlives nothing it must: end it (and the one that refused to start, in case it did not).
    mach::TaskTerminateRequest end { 0, 0 };
    (void)mach::kernel_call(proc_task, mach::KernelCall::task_terminate, &end, sizeof(end), nullptr, 0);
    if (wrong != mach::kNullName)
        (void)mach::port_deallocate(g_self.task, wrong);
    return test_checks::finish();
}

} // namespace

int main(int argc, char** argv, char**)
{
    (void)mach::self_ports(&g_self);
    if (argc > 2 && test_checks::same_text(argv[1], "child-exit"))
        return child_exit(int32_t(test_checks::parse_decimal(argv[2])));
    if (argc > 1 && test_checks::same_text(argv[1], "child-sleep"))
        return child_sleep();
    return run_test();
}
