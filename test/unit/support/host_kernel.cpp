#include <support/host_kernel.h>

#include <ipc/port_calls.h>
#include <ipc/port_set.h>
#include <mach/kernel_objects.h>
#include <mach/syscall.h>
#include <rpc/reply_port.h>
#include <runtime/syscall_stub.h>

#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstring>
#include <mutex>
#include <thread>

namespace test_support {
namespace {

using Clock = std::chrono::steady_clock;

std::mutex g_lock; // the IPC core's lock
std::condition_variable g_changed; // any IPC event: blocked calls look again
HostKernel* g_kernel = nullptr;
thread_local HostTask* t_task = nullptr;
std::vector<HostTask*> g_terminations; // task_terminate requests not yet carried out (under g_lock)

class WakingObserver final : public ipc::Observer {
public:
    void message_queued(ipc::Port&) override { g_changed.notify_all(); }
    void queue_space(ipc::Port&) override { g_changed.notify_all(); }
    void port_died(ipc::Port&) override { g_changed.notify_all(); }
    void port_moved(ipc::Port&) override { g_changed.notify_all(); }
    void set_destroyed(ipc::PortSet&) override { g_changed.notify_all(); }
    // The one kernel call served here is task_terminate, carried out once the
    // sender's call is done (the task dies as kill() does); it is not
    // answered. Any other message to a kernel object is dropped.
    void kernel_message(ipc::Port& port, ipc::Message* message) override
    {
        if (port.kernel_object_type() == ipc::KernelObject::task
            && message->header().id == uint32_t(mach::KernelCall::task_terminate))
            g_terminations.push_back(static_cast<HostTask*>(port.kernel_object()));
        ipc::Message::destroy(message);
    }
};

WakingObserver g_observer;

// The caller's memory is this process's memory.
class HostMemory final : public ipc::CallerMemory {
public:
    Result<void> write(uint64_t address, const void* bytes, size_t size) override
    {
        if (address == 0)
            return Error::bad_address;
        std::memcpy(reinterpret_cast<void*>(address), bytes, size);
        return {};
    }
};

// When a wait of `timeout_ns` ends (max: never).
Clock::time_point deadline_after(bool timed, uint64_t timeout_ns)
{
    if (!timed || timeout_ns == mach::kWaitForever)
        return Clock::time_point::max();
    return Clock::now() + std::chrono::nanoseconds(timeout_ns);
}

// Waits for an IPC event until `deadline`; false if it passed.
bool wait_for_change(std::unique_lock<std::mutex>& lock, Clock::time_point deadline)
{
    if (deadline == Clock::time_point::max()) {
        g_changed.wait(lock);
        return true;
    }
    return g_changed.wait_until(lock, deadline) == std::cv_status::no_timeout;
}

Error as_error(const Result<void>& result) { return result.ok() ? Error::none : result.error(); }

Error send_half(std::unique_lock<std::mutex>& lock, HostTask& task, const void* bytes, uint32_t size, uint32_t options,
    uint64_t timeout_ns)
{
    if (size > mach::kMaxMessageSize)
        return Error::too_large;
    if (size < sizeof(mach::MessageHeader))
        return Error::invalid_argument;
    ipc::Message* message = TRY(ipc::copyin_message(*task.space(), bytes, size));
    Clock::time_point deadline = deadline_after(options & mach::kSendTimeout, timeout_ns);
    for (;;) {
        Result<void> sent = ipc::send(message);
        if (sent.ok())
            return Error::none;
        bool may_wait = !(options & mach::kSendTimeout) || timeout_ns != 0;
        if (sent.error() != Error::queue_full || !may_wait || !wait_for_change(lock, deadline) || !task.space()) {
            ipc::Message::destroy(message);
            return sent.error() == Error::queue_full && may_wait ? Error::timed_out : sent.error();
        }
    }
}

Error receive_half(std::unique_lock<std::mutex>& lock, HostTask& task, void* buffer, uint32_t limit,
    mach::PortName from, uint32_t options, uint64_t timeout_ns)
{
    Clock::time_point deadline = deadline_after(options & mach::kReceiveTimeout, timeout_ns);
    for (;;) {
        if (!task.space())
            return Error::interrupted;
        ipc::ReceiveSource source = TRY(task.space()->receive_source(from));
        ipc::Message* message = TRY(ipc::take_message(source, limit));
        if (message)
            return as_error(ipc::copyout_message(*task.space(), message, buffer));
        bool may_wait = !(options & mach::kReceiveTimeout) || timeout_ns != 0;
        if (!may_wait || !wait_for_change(lock, deadline))
            return Error::timed_out;
    }
}

Error host_msg(HostTask& task, const uint64_t (&a)[6])
{
    void* buffer = reinterpret_cast<void*>(a[0]);
    uint32_t options = static_cast<uint32_t>(a[1]);
    if (!buffer)
        return Error::bad_address;
    std::unique_lock<std::mutex> lock(g_lock);
    if (!task.space())
        return Error::interrupted;
    if (options & mach::kSend) {
        Error sent = send_half(lock, task, buffer, static_cast<uint32_t>(a[2]), options, a[5]);
        if (sent != Error::none)
            return sent;
    }
    if (options & mach::kReceive)
        return receive_half(
            lock, task, buffer, static_cast<uint32_t>(a[3]), static_cast<mach::PortName>(a[4]), options, a[5]);
    return Error::none;
}

} // namespace

// ---- tasks ----

ActAs::ActAs(HostTask& task)
    : m_previous(t_task)
    , m_previous_reply_port(rpc::reply_port_slot())
{
    t_task = &task;
    rpc::reply_port_slot() = mach::kNullName;
}

// The reply port made meanwhile stays in the task (it dies with it).
ActAs::~ActAs()
{
    t_task = m_previous;
    rpc::reply_port_slot() = m_previous_reply_port;
}

HostKernel::HostKernel()
{
    std::lock_guard<std::mutex> guard(g_lock);
    ipc::set_observer(&g_observer);
    m_kernel_space = ipc::NameSpace::create().value();
    g_kernel = this;
}

HostKernel::~HostKernel()
{
    for (auto& task : m_tasks) {
        kill(*task);
        for (auto& [address, size] : task->m_memory)
            std::free(reinterpret_cast<void*>(address));
    }
    std::lock_guard<std::mutex> guard(g_lock);
    ipc::NameSpace::destroy(m_kernel_space);
    ipc::set_observer(nullptr);
    g_kernel = nullptr;
}

HostTask& HostKernel::create_task()
{
    std::lock_guard<std::mutex> guard(g_lock);
    auto task = std::make_unique<HostTask>();
    task->m_space = ipc::NameSpace::create().value();
    mach::PortName port = m_kernel_space->allocate(mach::RightType::receive).value();
    task->m_task_port = m_kernel_space->receive_source(port).value().port;
    task->m_task_port->set_kernel_object(ipc::KernelObject::task, task.get());
    task->m_task_receive = port;
    task->m_task_name = m_kernel_space->extract_right(port, mach::Disposition::make_send, *task->m_space).value();
    m_tasks.push_back(std::move(task));
    return *m_tasks.back();
}

void HostKernel::kill(HostTask& task)
{
    std::lock_guard<std::mutex> guard(g_lock);
    if (!task.m_space)
        return;
    ipc::NameSpace::destroy(task.m_space);
    task.m_space = nullptr;
    // Its task port dies: whoever watches it gets a dead-name notification.
    task.m_task_port->set_kernel_object(ipc::KernelObject::none, nullptr);
    (void)m_kernel_space->destroy_name(task.m_task_receive);
    task.m_task_port = nullptr;
    // Its memory stays until the kernel goes: unlike a real kernel's, the
    // task's threads run on until their next call, and may still touch it.
    g_changed.notify_all(); // its blocked threads see it dead
}

mach::PortName HostKernel::give_send_right(HostTask& from, mach::PortName receive, HostTask& to)
{
    std::lock_guard<std::mutex> guard(g_lock);
    return from.space()->extract_right(receive, mach::Disposition::make_send, *to.space()).value();
}

mach::PortName HostKernel::move_right(HostTask& from, mach::PortName name, HostTask& to, mach::Disposition disposition)
{
    std::lock_guard<std::mutex> guard(g_lock);
    return from.space()->extract_right(name, disposition, *to.space()).value();
}

uint32_t HostKernel::name_count(HostTask& task)
{
    std::lock_guard<std::mutex> guard(g_lock);
    return task.space() ? task.space()->name_count() : 0;
}

// ---- system calls ----

void HostKernel::carry_out_terminations()
{
    std::vector<HostTask*> doomed;
    {
        std::lock_guard<std::mutex> guard(g_lock);
        doomed.swap(g_terminations);
    }
    for (HostTask* task : doomed)
        kill(*task);
}

// The task whose task port `name` (in `caller`'s space) names.
HostTask* HostKernel::task_named(HostTask& caller, mach::PortName name)
{
    Result<ipc::CarriedRight> right = caller.space()->check_right(name, mach::Disposition::copy_send, 1);
    if (!right.ok() || right.value().kind != ipc::CarriedRight::Kind::send)
        return nullptr;
    for (auto& task : m_tasks) {
        if (task->space() && right.value().port == task->task_port())
            return task.get();
    }
    return nullptr;
}

Error HostKernel::port_call(HostTask& caller, mach::Syscall call, const uint64_t (&a)[6])
{
    std::lock_guard<std::mutex> guard(g_lock);
    if (!caller.space())
        return Error::interrupted;
    HostTask* target = a[0] <= UINT32_MAX ? task_named(caller, static_cast<mach::PortName>(a[0])) : nullptr;
    if (!target)
        return Error::invalid_name;
    HostMemory memory;
    return ipc::port_call(call, { a[0], a[1], a[2], a[3], a[4], a[5] }, *caller.space(), *target->space(), memory);
}

// Memory: whole allocations of this process's heap, anywhere only.
Error HostKernel::vm_allocate(HostTask& task, const uint64_t (&a)[6])
{
    if (a[0] != task.task_name())
        return Error::not_supported; // only the caller's own memory here
    if (!a[1] || a[2] == 0 || a[2] % 4096 || !(a[3] & mach::kVmAnywhere))
        return a[1] ? Error::invalid_argument : Error::bad_address;
    void* memory = std::aligned_alloc(4096, a[2]);
    if (!memory)
        return Error::no_memory;
    std::memset(memory, 0, a[2]);
    std::lock_guard<std::mutex> guard(g_lock);
    task.m_memory[reinterpret_cast<uint64_t>(memory)] = a[2];
    *reinterpret_cast<uint64_t*>(a[1]) = reinterpret_cast<uint64_t>(memory);
    return Error::none;
}

Error HostKernel::vm_deallocate(HostTask& task, const uint64_t (&a)[6])
{
    if (a[0] != task.task_name())
        return Error::not_supported;
    std::lock_guard<std::mutex> guard(g_lock);
    auto region = task.m_memory.find(a[1]);
    if (region == task.m_memory.end() || region->second != a[2])
        return Error::invalid_argument;
    std::free(reinterpret_cast<void*>(a[1]));
    task.m_memory.erase(region);
    return Error::none;
}

Error HostKernel::call(HostTask& task, uint64_t number, const uint64_t (&a)[6])
{
    auto call = static_cast<mach::Syscall>(number);
    if (ipc::is_port_call(call))
        return port_call(task, call, a);
    switch (call) {
    case mach::Syscall::msg: {
        Error status = host_msg(task, a);
        carry_out_terminations();
        if (status == Error::none && (a[1] & mach::kReceive) && after_receive)
            after_receive(*reinterpret_cast<const mach::MessageHeader*>(a[0]));
        return status;
    }
    case mach::Syscall::self_ports: {
        if (!a[0])
            return Error::bad_address;
        mach::SelfPorts ports {};
        ports.task = task.task_name();
        ports.bootstrap = task.bootstrap;
        std::memcpy(reinterpret_cast<void*>(a[0]), &ports, sizeof(ports));
        return Error::none;
    }
    case mach::Syscall::clock_monotonic: {
        uint64_t now = std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now().time_since_epoch()).count();
        std::memcpy(reinterpret_cast<void*>(a[0]), &now, sizeof(now));
        return Error::none;
    }
    case mach::Syscall::vm_allocate: return vm_allocate(task, a);
    case mach::Syscall::vm_deallocate: return vm_deallocate(task, a);
    case mach::Syscall::thread_sleep: std::this_thread::sleep_for(std::chrono::nanoseconds(a[0])); return Error::none;
    case mach::Syscall::thread_yield: std::this_thread::yield(); return Error::none;
    case mach::Syscall::debug_write:
        std::fwrite(reinterpret_cast<const char*>(a[0]), 1, a[1], stderr);
        return Error::none;
    default: return Error::not_supported;
    }
}

} // namespace test_support

// lib/runtime/syscall_stub.h on the host: the calling thread's task makes the call.
Error mach::syscall6(uint64_t number, uint64_t a0, uint64_t a1, uint64_t a2, uint64_t a3, uint64_t a4, uint64_t a5)
{
    test_support::HostTask* task = test_support::t_task;
    if (!task || !test_support::g_kernel)
        return Error::not_supported;
    const uint64_t args[6] = { a0, a1, a2, a3, a4, a5 };
    return test_support::g_kernel->call(*task, number, args);
}
