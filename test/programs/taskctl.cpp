// Tasks and threads through their ports: creating a task and threads in
// it, a fault in a child that its creator learns of through a dead-name
// notification, terminating threads and tasks, freeing an unused task,
// forking a task (copy-on-write memory, copied send rights).
#include "checks.h"
#include "ipc_protocol.h"

using namespace ipc_test;
using namespace test_checks;

namespace {

mach::SelfPorts g_self;
int g_failures = 0;
volatile uint64_t g_thread_ran = 0;

void check(bool ok, const char* what)
{
    if (!ok)
        g_failures++;
    mach::Line() << (ok ? "PASS " : "FAIL ") << what;
}

mach::HostStatistics statistics() { return host_statistics(g_self.host); }

PortName create_task(const char* name)
{
    mach::TaskCreateRequest request {};
    for (int i = 0; name[i] && i < 31; i++)
        request.name[i] = name[i];
    PortName task = 0;
    Error status
        = mach::kernel_call(g_self.task, mach::KernelCall::task_create, &request, sizeof(request), nullptr, 0, &task);
    return status == Error::none ? task : 0;
}

Error create_thread(PortName task, uint64_t rip, uint64_t rsp, uint64_t argument, PortName* thread)
{
    mach::ThreadCreateRequest request { rip, rsp, argument, 0 };
    return mach::kernel_call(task, mach::KernelCall::thread_create, &request, sizeof(request), nullptr, 0, thread);
}

// Asks for a dead-name notification on `name` to a new port; returns that port.
PortName watch(PortName name)
{
    PortName notify = 0, previous = 0;
    (void)mach::port_allocate(g_self.task, mach::RightType::receive, &notify);
    (void)mach::port_request_notification(
        g_self.task, name, mach::NotificationKind::dead_name, notify, Disposition::make_send_once, &previous);
    return notify;
}

bool dead_name_arrives(PortName notify, PortName name)
{
    Message m {};
    Error status = mach::msg(&m.header, mach::kReceive | mach::kReceiveTimeout, 0, sizeof(m), notify, 3000000000ull);
    auto* body = reinterpret_cast<mach::NotificationBody*>(value_slot(m));
    return status == Error::none && m.header.id == uint32_t(mach::NotificationKind::dead_name) && body->name == name;
}

[[noreturn]] void second_thread(uint64_t argument)
{
    g_thread_ran = argument;
    mach::thread_exit();
}

[[noreturn]] void spinning_thread(uint64_t)
{
    for (;;)
        asm volatile("pause");
}

uint64_t new_stack()
{
    uint64_t stack = 0;
    (void)mach::vm_allocate(g_self.task, &stack, 16384, mach::kVmAnywhere);
    return stack + 16384 - 8; // as after a call: the ABI's stack alignment
}

void check_child_fault()
{
    PortName child = create_task("child");
    check(child != 0, "task_created");
    mach::TaskInfo info {};
    check(mach::kernel_call(child, mach::KernelCall::task_info, nullptr, 0, &info, sizeof(info)) == Error::none
            && info.thread_count == 0 && info.name[0] == 'c',
        "child_info");
    uint64_t address = 0x200000;
    check(mach::vm_allocate(child, &address, 8192, 0) == Error::none, "vm_allocate_in_child");
    PortName notify = watch(child);
    PortName thread = 0;
    check(create_thread(child, 0x8000000000000000ull, 0x201000, 0, &thread) == Error::bad_address,
        "non_canonical_start_refused");
    // The child's thread starts on an unmapped page: the child is killed.
    check(create_thread(child, 0x1234, 0x201ff8, 0, &thread) == Error::none, "child_thread_created");
    check(dead_name_arrives(notify, child), "child_fault_notified");
}

void check_threads()
{
    PortName thread = 0;
    check(
        create_thread(g_self.task, reinterpret_cast<uint64_t>(&second_thread), new_stack(), 42, &thread) == Error::none,
        "thread_created");
    for (int i = 0; i < 100 && !g_thread_ran; i++)
        (void)mach::thread_sleep(10000000);
    check(g_thread_ran == 42, "second_thread_ran_with_argument");
    PortName spinner = 0;
    check(create_thread(g_self.task, reinterpret_cast<uint64_t>(&spinning_thread), new_stack(), 0, &spinner)
            == Error::none,
        "spinner_created");
    PortName notify = watch(spinner);
    check(mach::kernel_call(spinner, mach::KernelCall::thread_terminate, nullptr, 0, nullptr, 0) == Error::none,
        "thread_terminate");
    check(dead_name_arrives(notify, spinner), "thread_terminated");
}

void check_task_lifetimes()
{
    uint64_t tasks = statistics().tasks;
    PortName unused = create_task("unused");
    check(statistics().tasks == tasks + 1, "unused_task_exists");
    (void)mach::port_deallocate(g_self.task, unused);
    check(statistics().tasks == tasks, "unused_task_freed_on_no_senders");
    PortName doomed = create_task("doomed");
    PortName notify = watch(doomed);
    mach::TaskTerminateRequest request { 9, 0 };
    check(mach::kernel_call(doomed, mach::KernelCall::task_terminate, &request, sizeof(request), nullptr, 0)
            == Error::none,
        "task_terminate");
    check(dead_name_arrives(notify, doomed), "terminated_task_notified");
}

// fork's child: reports through memory shared with its parent what its
// own copy of g_forked_value holds, whether the rights it inherited work,
// and whether its writes stay its own.
volatile uint64_t g_forked_value = 0;
volatile uint64_t* g_shared = nullptr;

[[noreturn]] void forked_child(uint64_t)
{
    mach::SelfPorts own {};
    (void)mach::self_ports(&own);
    g_shared[0] = g_forked_value;
    g_shared[1] = own.task != g_self.task && statistics().tasks > 0; // the host right came along
    g_forked_value = 1234; // the parent must not see this
    g_shared[2] = 1;
    mach::task_exit(0);
}

PortName fork_task(const char* name, uint32_t flags)
{
    mach::TaskForkRequest request {};
    for (int i = 0; name[i] && i < 31; i++)
        request.name[i] = name[i];
    request.flags = flags;
    PortName task = 0;
    Error status
        = mach::kernel_call(g_self.task, mach::KernelCall::task_fork, &request, sizeof(request), nullptr, 0, &task);
    return status == Error::none ? task : 0;
}

void check_fork()
{
    PortName object = 0;
    uint64_t shared = 0;
    (void)mach::memory_object_create(4096, &object);
    (void)mach::vm_map(g_self.task, &shared, 4096, object, 0, mach::kVmAnywhere, mach::kVmRead | mach::kVmWrite);
    g_shared = reinterpret_cast<volatile uint64_t*>(shared);
    g_forked_value = 7;
    uint64_t stack = new_stack();
    PortName child = fork_task("forked", mach::kForkMemory);
    check(child != 0, "task_fork");
    g_forked_value = 8; // after the fork: the child still sees 7
    PortName notify = watch(child);
    PortName thread = 0;
    check(create_thread(child, reinterpret_cast<uint64_t>(&forked_child), stack, 0, &thread) == Error::none,
        "forked_thread_created");
    check(dead_name_arrives(notify, child), "forked_child_ended");
    check(g_shared[2] == 1, "forked_child_ran_in_its_copy");
    check(g_shared[0] == 7, "fork_copies_memory_as_it_was");
    check(g_forked_value == 8, "fork_child_writes_stay_its_own");
    check(g_shared[1] == 1, "fork_copies_send_rights");
    mach::TaskForkRequest bad {};
    bad.flags = 0x80;
    PortName none = 0;
    check(mach::kernel_call(g_self.task, mach::KernelCall::task_fork, &bad, sizeof(bad), nullptr, 0, &none)
            == Error::invalid_argument,
        "task_fork_unknown_flags_refused");
    uint64_t tasks = statistics().tasks;
    PortName unused = fork_task("unused-fork", mach::kForkMemory);
    (void)mach::port_deallocate(g_self.task, unused);
    check(statistics().tasks == tasks, "unused_fork_freed_on_no_senders");
}

} // namespace

int main(int, char**, char**)
{
    (void)mach::self_ports(&g_self);
    check_child_fault();
    check_threads();
    check_task_lifetimes();
    check_fork();
    return finish();
}
