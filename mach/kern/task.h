// Task: an address space, the threads running in it, and (later) its port
// name space. A task ends when it exits, when it is killed (a fault in user
// mode, task_exit) or when its last thread exits; its memory and kernel
// objects are freed once the last thread is gone.
//
// Ownership: a task is owned by its threads: it is destroyed when the last
// one is. Concurrency: FIXME(SMP): single CPU, changed with interrupts off.
#pragma once

#include <freestanding/result.h>
#include <mach/port.h>
#include <stddef.h>
#include <stdint.h>

namespace vm {
class AddressSpace;
}
namespace ipc {
class NameSpace;
class Port;
} // namespace ipc
namespace arch {
class IoPermissions;
}

namespace kern {

class Thread;

class Task {
public:
    // Only for the slab cache: use the create functions.
    Task() = default;

    // How a task came from its creator: built (task_create: it may keep
    // the creator's privilege) or forked (a process: it does not).
    enum class Lineage : uint8_t { built, forked };
    // A task with an empty address space and no thread yet, counted
    // against `creator`'s account (ipc/account.h; null: a task the kernel
    // starts, privileged): no_space past its limits.
    static Result<Task*> create(const char* name, Task* creator = nullptr, Lineage lineage = Lineage::built);
    // Whether its account is privileged (ipc/account.h).
    bool privileged() const;
    // A task made from this one, without threads: its send rights under the
    // same names (not its own task and thread ports) and, with
    // mach::kForkMemory, its memory copy-on-write at the same addresses.
    Result<Task*> fork(const char* name, uint32_t flags);
    // Frees a task that never got a thread (after a failed start).
    static void destroy_unstarted(Task* task);

    const char* name() const { return m_name; }
    vm::AddressSpace& address_space() { return *m_space; }
    int exit_status() const { return m_exit_status; }
    bool exiting() const { return m_exiting; }
    size_t thread_count() const { return m_thread_count; }

    // Makes this task's address space the CPU's current one.
    void activate();

    // Ends the task with `status`: every thread is interrupted and exits
    // before it would return to user mode. The first status given wins.
    void kill(int status);

    // Live tasks (for leak tests).
    static size_t live_count();
    // The unprivileged task with the most resident pages that is not
    // already exiting (null if none), and whether `task` is still alive
    // (for the out-of-memory policy: kern/out_of_memory.h).
    static Task* largest_unprivileged();
    static bool alive(const Task* task);

    // The task's port names (owned).
    ipc::NameSpace& name_space() { return *m_name_space; }
    // The port standing for the task (the kernel holds its receive right).
    ipc::Port& port() { return *m_port; }

    // Lets the task's user code use I/O ports [first, first + count) (the device port's grant).
    Result<void> allow_io_ports(uint32_t first, uint32_t count);

    // Names of the rights its creator handed it, reported by self_ports.
    mach::PortName bootstrap_name = mach::kNullName;
    mach::PortName device_name = mach::kNullName;

private:
    friend class Thread;
    void add_thread(Thread& thread);
    // Unlinks a dead thread; the last one destroys the task.
    void remove_thread(Thread& thread);
    static void destroy(Task* task);
    Result<void> create_parts(Task* creator, Lineage lineage);
    Result<void> copy_into(Task& child, uint32_t flags);

    // A task made by fork (a POSIX process, or exec's new task): its end is
    // its parent's business (wait), not worth a line on the console.
    bool m_forked = false;
    bool m_counted = false; // charged to its account's task count
    void destroy_parts();
    void set_name(const char* name);

    vm::AddressSpace* m_space = nullptr; // owned
    ipc::NameSpace* m_name_space = nullptr; // owned
    ipc::Port* m_port = nullptr; // its receive right is the task's
    arch::IoPermissions* m_io = nullptr; // owned; null: no I/O ports
    Thread* m_threads = nullptr; // linked through Thread::m_next_in_task
    Task* m_next_task = nullptr; // the list of live tasks
    Task* m_previous_task = nullptr;
    size_t m_thread_count = 0;
    int m_exit_status = 0;
    bool m_exiting = false;
    char m_name[32] = {};
};

} // namespace kern
