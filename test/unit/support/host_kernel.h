// A kernel for host tests of user-space code (the RPC library, the ports
// and translator libraries, file servers): the system calls of
// lib/runtime/mach.h carried out in this process by the IPC core.
//
// A task is a name space with a task port; each std::thread acts for one
// task while an ActAs lives. One lock serialises every call (as interrupts
// off do in the kernel); a blocked send or receive waits on a condition
// variable that every IPC event signals. Messages are copied in and out
// the general way (there is no direct path here). vm_allocate (anywhere)
// and vm_deallocate (of whole allocations) use this process's heap; other
// memory calls, kernel objects (but task_terminate) and real out-of-line
// memory are not supported.
#pragma once

#include <mach/syscall.h>
#include <support/ipc_world.h>

#include <functional>
#include <map>
#include <memory>
#include <vector>

namespace test_support {

class HostTask {
public:
    ipc::NameSpace* space() const { return m_space; } // null once the task died
    // The task's own name for its task port (SelfPorts::task).
    mach::PortName task_name() const { return m_task_name; }
    ipc::Port* task_port() const { return m_task_port; }
    // What self_ports reports as the bootstrap port.
    mach::PortName bootstrap = mach::kNullName;

private:
    friend class HostKernel;
    ipc::NameSpace* m_space = nullptr;
    ipc::Port* m_task_port = nullptr; // null once the task died
    mach::PortName m_task_receive = mach::kNullName; // its receive right, in the kernel's space
    mach::PortName m_task_name = mach::kNullName;
    std::map<uint64_t, uint64_t> m_memory; // vm_allocate'd: address -> size
};

// While it lives, the calling thread's mach.h calls act for `task` (and
// its RPC calls use a reply port of that task).
class ActAs {
public:
    explicit ActAs(HostTask& task);
    ~ActAs();
    ActAs(const ActAs&) = delete;
    ActAs& operator=(const ActAs&) = delete;

private:
    HostTask* m_previous;
    mach::PortName m_previous_reply_port;
};

class HostKernel {
public:
    HostKernel();
    // Every task dies; then nothing may be left (IpcWorld checks).
    ~HostKernel();
    HostKernel(const HostKernel&) = delete;
    HostKernel& operator=(const HostKernel&) = delete;

    HostTask& create_task();
    // The task dies as a killed one does: every right it held is released
    // (its receive rights die, its send-once rights send their notifications),
    // its threads' calls fail from then on, and its task port dies (dead-name
    // notifications go to those watching it). A task_terminate message sent
    // to a task port (not answered here) does the same.
    void kill(HostTask& task);
    // Gives `to` a send right made from the receive right `receive` of `from`: its name in `to`.
    mach::PortName give_send_right(HostTask& from, mach::PortName receive, HostTask& to);

    // Moves the right `name` of `from` (by `disposition`) into `to`: its name there.
    mach::PortName move_right(HostTask& from, mach::PortName name, HostTask& to,
        mach::Disposition disposition = mach::Disposition::move_send);

    // How many names `task`'s space holds now.
    uint32_t name_count(HostTask& task);

    // The system call `number` made by a thread of `task` (mach::syscall6 on the host).
    Error call(HostTask& task, uint64_t number, const uint64_t (&args)[6]);

    // If set, called on a thread whose msg received a message, before the
    // call returns to it: a test stalls a thread there, as one preempted
    // between the kernel and its next instruction would be.
    std::function<void(const mach::MessageHeader&)> after_receive;

private:
    void carry_out_terminations();
    HostTask* task_named(HostTask& caller, mach::PortName name);
    Error port_call(HostTask& caller, mach::Syscall call, const uint64_t (&args)[6]);
    Error vm_allocate(HostTask& task, const uint64_t (&args)[6]);
    Error vm_deallocate(HostTask& task, const uint64_t (&args)[6]);

    IpcWorld m_world;
    ipc::NameSpace* m_kernel_space = nullptr; // the receive rights of the task ports
    std::vector<std::unique_ptr<HostTask>> m_tasks;
};

} // namespace test_support
