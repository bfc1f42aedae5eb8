// Thread: one flow of control with its own kernel stack. A kernel thread
// runs a function; a user thread belongs to a Task and spends most of its
// life in user mode, entering the kernel by interrupt or system call.
//
// Ownership: the scheduler owns every thread that is not dead; a dead thread
// is destroyed by the next thread to run (its stack is still in use while it
// switches away). Concurrency: FIXME(SMP): single CPU; thread fields are
// changed with interrupts off.
#pragma once

#include <arch/x86_64/fpu.h>
#include <freestanding/result.h>
#include <mach/error.h>
#include <stddef.h>
#include <stdint.h>

namespace ipc {
class Port;
}

namespace kern {

class Task;
class WaitQueue;
struct ReceiveWait;

constexpr int kPriorityCount = 32;
constexpr int kIdlePriority = 0;
constexpr int kDefaultPriority = 16;
constexpr uint64_t kNoDeadline = 0;

enum class ThreadState : uint8_t { ready, running, waiting, dead };

// Why a wait ended.
enum class WakeReason : uint8_t {
    woken, // by wake_one/wake_all (value says with what)
    timed_out, // the deadline passed
    interrupted, // the thread or its task is being killed
};

struct WaitResult {
    WakeReason reason;
    Error value; // the waker's value when woken
};

class Thread {
public:
    // Only for the slab cache: use the create functions.
    Thread() = default;

    using Entry = void (*)(void*);

    // A new ready kernel thread running `entry(argument)`, then exiting.
    static Result<Thread*> create_kernel(const char* name, Entry entry, void* argument, int priority);

    // A new ready user thread of `task` that enters user mode at `rip` with
    // `rsp`, `argument` in rdi and its FS base (TLS pointer) at `fs_base`.
    static Result<Thread*> create_user(
        Task& task, uint64_t rip, uint64_t rsp, int priority, uint64_t argument = 0, uint64_t fs_base = 0);

    // The thread running the caller's code: kernel_main's boot context until
    // the scheduler starts. Takes over the current stack (never freed).
    static Thread& adopt_boot_context(const char* name);

    // Frees a dead thread's stack and object (called by the scheduler only).
    static void destroy(Thread* thread);

    const char* name() const { return m_name; }
    uint64_t id() const { return m_id; }
    ThreadState state() const { return m_state; }
    int priority() const { return m_priority; }
    Task* task() const { return m_task; }
    // True once the thread or its task is being killed: it will not return to user mode.
    bool kill_pending() const { return m_kill_pending; }
    uint64_t fs_base() const { return m_fs_base; }
    // The port standing for a user thread (null for kernel threads).
    ipc::Port* port() const { return m_port; }

    // While the thread waits in mach_msg's receive: where a sender may put
    // a message directly (see kern/ipc_observer.h); null otherwise.
    ReceiveWait* receive_wait = nullptr;
    void set_fs_base(uint64_t base) { m_fs_base = base; }

    // Live threads created and not destroyed (for leak tests).
    static size_t live_count();

private:
    friend class Scheduler;
    friend class WaitQueue;

    static Result<Thread*> create_with_stack(const char* name, int priority, Entry entry, void* argument);
    void set_name(const char* name);

    uint64_t m_saved_rsp = 0; // while not running: see arch_context_switch
    uint8_t* m_stack = nullptr; // owned; null for the boot context
    uint64_t m_stack_top = 0;
    arch::FpuState m_fpu {};
    uint64_t m_fs_base = 0;
    uint64_t m_user_rip = 0; // where a user thread first enters user mode
    uint64_t m_user_rsp = 0;
    uint64_t m_user_argument = 0;
    uint64_t m_id = 0;
    Task* m_task = nullptr; // borrowed; the task outlives its threads
    ipc::Port* m_port = nullptr; // user threads: the kernel holds its receive right
    ThreadState m_state = ThreadState::ready;
    int m_priority = kDefaultPriority;
    int m_slice_left = 0;
    bool m_kill_pending = false;
    char m_name[24] = {};

    // Run queue or wait queue link (a thread is in at most one of them).
    Thread* m_next = nullptr;
    Thread* m_prev = nullptr;
    WaitQueue* m_waiting_on = nullptr;
    WaitResult m_wait_result { WakeReason::woken, Error::none };
    // Deadline list link (sorted by m_deadline).
    uint64_t m_deadline = kNoDeadline;
    Thread* m_next_deadline = nullptr;
    // Task's thread list.
    Thread* m_next_in_task = nullptr;

    friend class Task;
    friend void thread_trampoline_user(void*);
};

} // namespace kern
