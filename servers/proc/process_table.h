// proc's bookkeeping, apart from IPC: the process records, the tree of
// parents and children, process groups, zombies and which child a wait
// takes. It knows nothing of ports (a task is an opaque name here), so it
// compiles for the build host and is tested there.
//
// Bounded: at most kMaxProcesses records, in a fixed array, of which a
// user other than root may hold kMaxProcessesPerUser (counted by real
// uid, as RLIMIT_NPROC is) and never the last kRootReserve. A record
// stays in its slot from the process's registration until it is reaped
// and no handle names it any more (a handle's payload names the slot, so
// a slot is never reused while a right could still reach it).
#pragma once

#include <freestanding/result.h>
#include <interfaces/proc.h>
#include <stdint.h>

namespace proc {

// Where a record is in its life.
enum class Life : uint8_t {
    free, // an empty slot
    running,
    zombie, // ended, waiting for its parent's wait
    reaped, // waited for, but a handle still names the slot: no pid any more
};

// The user ids a process proved through auth (or got from its parent):
// what kill's rules and the limits look at.
struct UserIds {
    uint32_t effective = 0;
    uint32_t real = 0;
    uint32_t saved = 0;
};

struct Process {
    int32_t pid = 0;
    Process* parent = nullptr; // null only for pid 1
    int32_t group = 0;
    int32_t session = 0;
    uint32_t uid = 0; // effective
    uint32_t real_uid = 0;
    uint32_t saved_uid = 0;
    Life life = Life::free;
    bool exit_reported = false; // Exit said how it ends: `status` holds it
    bool handle_out = false; // a handle was minted and its last right has not died yet
    int32_t status = 0; // the wait status, once ended (or reported)
    uint32_t task = 0; // the task port's name in proc (0 for pid 1, or once dead)
    char name[kNameSize] = {};
    SignalSet ignored_signals = 0; // SetSignals: dropped
    SignalSet handled_signals = 0; // SetSignals: sent to signal_port
    uint32_t signal_port = 0; // a send right's name in proc (0: none)

    bool alive() const { return life == Life::running; }
    // Running or a zombie: it has a pid.
    bool has_pid() const { return life == Life::running || life == Life::zombie; }
    UserIds ids() const { return { uid, real_uid, saved_uid }; }
    void set_ids(const UserIds& ids)
    {
        uid = ids.effective;
        real_uid = ids.real;
        saved_uid = ids.saved;
    }
};

// What becomes of a signal sent to a process (Kill's rules in proc.h).
enum class SignalAction : uint8_t {
    drop,
    deliver, // to its signal port
    terminate,
};

// What a wait found: a reaped child (pid > 0 and its status), or pid 0:
// matching children exist but none has ended yet.
struct Reaped {
    int32_t pid;
    int32_t status;
};

class ProcessTable {
public:
    static constexpr uint32_t kMaxProcesses = 1024;
    static constexpr uint32_t kMaxProcessesPerUser = 128;
    static constexpr uint32_t kRootReserve = 64;

    // Starts with pid 1 ("startup", uid 0, its own group and session).
    ProcessTable();
    ProcessTable(const ProcessTable&) = delete;
    ProcessTable& operator=(const ProcessTable&) = delete;

    Process& init() { return m_slots[0]; }

    // Registers a child of `parent` (running) for `task`: a new pid, the
    // parent's group and session, `name` (cut to 31 characters), owned by
    // `ids` (the parent's ids in the first form). would_block (EAGAIN)
    // past the limits of a user other than root; no_space when the table
    // or the pids are used up.
    Result<Process*> add_child(Process& parent, const char* name, uint32_t task);
    Result<Process*> add_child(Process& parent, const char* name, uint32_t task, const UserIds& ids);

    // The process with `pid` (running or a zombie), or null.
    Process* find(int32_t pid);
    // The running process whose task is `task`, or null.
    Process* find_task(uint32_t task);

    // Records how `process` says it ends (a wait status); it ends when its task dies.
    void report_exit(Process& process, int32_t status);
    // The task of `process` died: it becomes a zombie with the status Exit
    // reported (else "killed by SIGKILL"), and its children go to pid 1.
    // Pid 1 never ends.
    void end(Process& process);

    // Whether `child` is one `waiter` waits for with `pid` (Wait's meaning).
    static bool waits_for(const Process& waiter, int32_t pid, const Process& child);
    // Takes an ended child of `waiter` matching `pid` and reaps it; pid 0
    // if matching children all still run; not_found if none matches.
    Result<Reaped> wait(Process& waiter, int32_t pid);

    // setpgid(pid, group) asked by `caller` (SetProcessGroup's rules in proc.h).
    Error set_group(Process& caller, int32_t pid, int32_t group);
    // getpgid(pid) asked by `caller`.
    Result<int32_t> group_of(Process& caller, int32_t pid);

    // The process `caller` may kill as `pid`: not_found, or permission_denied
    // unless may_signal (pid 1 may not be killed).
    Result<Process*> kill_target(Process& caller, int32_t pid);
    // Calls visit(Process&) for each running process kill(pid) from
    // `caller` reaches (Kill's meaning of pid); not_found if none matched,
    // permission_denied if none matched that the caller may signal.
    template <typename Visit> Error for_each_kill_target(Process& caller, int32_t pid, Visit visit);
    // What `signal` (1-64) does to `process`.
    static SignalAction action_for(const Process& process, int32_t signal);
    // Sets the dispositions of `process` (SIGKILL and SIGSTOP stay default).
    static void set_signals(Process& process, SignalSet ignored, SignalSet handled);
    // exec: `process` goes on in `task`, named `name`; handled signals go
    // back to their defaults (the caller drops the old signal port).
    void reexec(Process& process, uint32_t task, const char* name);

    // A handle of `process` was minted.
    void handle_minted(Process& process) { process.handle_out = true; }
    // The last right of the handle of `process` died: a reaped record is freed.
    void handle_released(Process& process);

    // Up to `capacity` entries from slot `start` on into `out`; their count.
    // *next is the slot to start the next page from (List::kListEnd: none).
    uint32_t list(uint32_t start, ProcessInfo* out, uint32_t capacity, uint32_t* next) const;

    // Records with a pid (running or zombies), pid 1 included.
    uint32_t count() const { return m_count; }

private:
    Process* free_slot();
    // Whether `pid` is taken: by a process, a zombie, or as a group or session id.
    bool pid_taken(int32_t pid) const;
    Result<int32_t> new_pid();
    bool group_exists(int32_t group, int32_t session) const;
    void reap(Process& zombie);
    void release_slot(Process& process);
    // Whether `ids` may have one more process (kMaxProcessesPerUser, kRootReserve).
    bool may_add(const UserIds& ids) const;
    // Whether `caller` may signal `target` (POSIX: root, or the caller's
    // real or effective uid is the target's real or saved uid; never pid 1).
    bool may_signal(const Process& caller, const Process& target) const;

    Process m_slots[kMaxProcesses];
    uint32_t m_count = 0;
    int32_t m_last_pid = 1;
};

template <typename Visit> Error ProcessTable::for_each_kill_target(Process& caller, int32_t pid, Visit visit)
{
    if (pid > 0) {
        Process* target = TRY(kill_target(caller, pid));
        if (target->alive())
            visit(*target);
        return Error::none;
    }
    int32_t group = pid == 0 ? caller.group : -pid; // pid -1: any group
    bool matched = false;
    bool allowed = false;
    for (Process& p : m_slots) {
        // kill(-1) reaches every process but the caller (as Linux's does).
        if (!p.alive() || (pid != -1 && p.group != group) || (pid == -1 && &p == &caller))
            continue;
        matched = true;
        if (!may_signal(caller, p))
            continue;
        allowed = true;
        visit(p);
    }
    return allowed ? Error::none : matched ? Error::permission_denied : Error::not_found;
}

} // namespace proc
