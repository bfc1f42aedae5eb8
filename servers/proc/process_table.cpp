#include "process_table.h"

namespace proc {
namespace {

void copy_name(char (&to)[kNameSize], const char* from)
{
    uint32_t i = 0;
    for (; from && from[i] && i + 1 < kNameSize; i++)
        to[i] = from[i];
    for (; i < kNameSize; i++)
        to[i] = '\0';
}

} // namespace

ProcessTable::ProcessTable()
{
    Process& first = m_slots[0];
    first.pid = kInitPid;
    first.group = kInitPid;
    first.session = kInitPid;
    first.uid = 0;
    first.life = Life::running;
    copy_name(first.name, "startup");
    m_count = 1;
}

// ---- pids and slots ----

bool ProcessTable::pid_taken(int32_t pid) const
{
    for (const Process& p : m_slots) {
        if (p.has_pid() && (p.pid == pid || p.group == pid || p.session == pid))
            return true;
    }
    return false;
}

// The next free pid after the last one given, wrapping past kMaxPid (pid 1 is init's for good).
Result<int32_t> ProcessTable::new_pid()
{
    int32_t pid = m_last_pid;
    for (int32_t tries = 0; tries < kMaxPid; tries++) {
        pid = pid >= kMaxPid ? kInitPid + 1 : pid + 1;
        if (!pid_taken(pid)) {
            m_last_pid = pid;
            return pid;
        }
    }
    return Error::no_space;
}

Process* ProcessTable::free_slot()
{
    for (Process& p : m_slots) {
        if (p.life == Life::free)
            return &p;
    }
    return nullptr;
}

void ProcessTable::release_slot(Process& process) { process = Process {}; }

bool ProcessTable::may_add(const UserIds& ids) const
{
    if (ids.effective == 0)
        return true;
    if (m_count + kRootReserve >= kMaxProcesses)
        return false;
    uint32_t held = 0;
    for (const Process& p : m_slots) {
        if (p.has_pid() && p.real_uid == ids.real)
            held++;
    }
    return held < kMaxProcessesPerUser;
}

Result<Process*> ProcessTable::add_child(Process& parent, const char* name, uint32_t task)
{
    return add_child(parent, name, task, parent.ids());
}

Result<Process*> ProcessTable::add_child(Process& parent, const char* name, uint32_t task, const UserIds& ids)
{
    if (!parent.alive())
        return Error::invalid_argument;
    if (!may_add(ids))
        return Error::would_block;
    Process* child = free_slot();
    if (!child)
        return Error::no_space;
    int32_t pid = TRY(new_pid());
    *child = Process {};
    child->pid = pid;
    child->parent = &parent;
    child->group = parent.group;
    child->session = parent.session;
    child->set_ids(ids);
    // fork keeps the dispositions (the handlers are in the copied memory);
    // the child registers its own signal port.
    child->ignored_signals = parent.ignored_signals;
    child->handled_signals = parent.handled_signals;
    child->life = Life::running;
    child->task = task;
    copy_name(child->name, name);
    m_count++;
    return child;
}

Process* ProcessTable::find(int32_t pid)
{
    if (pid <= 0)
        return nullptr;
    for (Process& p : m_slots) {
        if (p.has_pid() && p.pid == pid)
            return &p;
    }
    return nullptr;
}

Process* ProcessTable::find_task(uint32_t task)
{
    if (task == 0)
        return nullptr;
    for (Process& p : m_slots) {
        if (p.alive() && p.task == task)
            return &p;
    }
    return nullptr;
}

// ---- ending and waiting ----

void ProcessTable::report_exit(Process& process, int32_t status)
{
    if (!process.alive())
        return;
    process.exit_reported = true;
    process.status = status;
}

void ProcessTable::end(Process& process)
{
    if (!process.alive() || &process == &init())
        return;
    if (!process.exit_reported)
        process.status = killed_status(kSignalKill);
    process.life = Life::zombie;
    process.task = 0;
    // Its children, running or zombies, are init's to wait for now.
    for (Process& p : m_slots) {
        if (p.has_pid() && p.parent == &process)
            p.parent = &init();
    }
}

bool ProcessTable::waits_for(const Process& waiter, int32_t pid, const Process& child)
{
    if (!child.has_pid() || child.parent != &waiter)
        return false;
    if (pid > 0)
        return child.pid == pid;
    if (pid == -1)
        return true;
    if (pid == 0)
        return child.group == waiter.group;
    return child.group == -pid;
}

void ProcessTable::reap(Process& zombie)
{
    m_count--;
    if (zombie.handle_out) {
        // A handle still names the slot: it stays, without a pid, until the handle dies.
        zombie.life = Life::reaped;
        zombie.parent = nullptr;
        return;
    }
    release_slot(zombie);
}

Result<Reaped> ProcessTable::wait(Process& waiter, int32_t pid)
{
    bool matched = false;
    for (Process& p : m_slots) {
        if (!waits_for(waiter, pid, p))
            continue;
        if (p.life == Life::zombie) {
            Reaped reaped { p.pid, p.status };
            reap(p);
            return reaped;
        }
        matched = true;
    }
    if (!matched)
        return Error::not_found;
    return Reaped { 0, 0 };
}

void ProcessTable::handle_released(Process& process)
{
    process.handle_out = false;
    if (process.life == Life::reaped)
        release_slot(process);
}

// ---- process groups ----

bool ProcessTable::group_exists(int32_t group, int32_t session) const
{
    for (const Process& p : m_slots) {
        if (p.has_pid() && p.group == group && p.session == session)
            return true;
    }
    return false;
}

Error ProcessTable::set_group(Process& caller, int32_t pid, int32_t group)
{
    if (pid < 0 || group < 0)
        return Error::invalid_argument;
    Process* target = pid == 0 ? &caller : find(pid);
    // Only the caller itself or one of its running children (ESRCH otherwise).
    if (!target || !target->alive() || (target != &caller && target->parent != &caller))
        return Error::not_found;
    if (target->session != caller.session || target->pid == target->session)
        return Error::permission_denied; // another session, or a session leader
    if (group == 0)
        group = target->pid;
    if (group != target->pid && !group_exists(group, caller.session))
        return Error::permission_denied;
    // FIXME(exec): POSIX refuses (EACCES) a child that has called exec; proc does not know of exec yet.
    target->group = group;
    return Error::none;
}

Result<int32_t> ProcessTable::group_of(Process& caller, int32_t pid)
{
    if (pid < 0)
        return Error::invalid_argument;
    Process* target = pid == 0 ? &caller : find(pid);
    if (!target)
        return Error::not_found;
    return target->group;
}

// ---- kill ----

Result<Process*> ProcessTable::kill_target(Process& caller, int32_t pid)
{
    Process* target = find(pid);
    if (!target)
        return Error::not_found;
    if (!may_signal(caller, *target))
        return Error::permission_denied;
    return target;
}

bool ProcessTable::may_signal(const Process& caller, const Process& target) const
{
    if (&target == &m_slots[0])
        return false;
    if (caller.uid == 0)
        return true;
    bool real_matches = caller.real_uid == target.real_uid || caller.real_uid == target.saved_uid;
    bool effective_matches = caller.uid == target.real_uid || caller.uid == target.saved_uid;
    return real_matches || effective_matches;
}

// ---- signals ----

namespace {

// Signals whose default action is to do nothing: the child ones and the
// stop ones (no job control yet: FIXME(signals) stop and continue).
constexpr SignalSet kDefaultIgnored = signal_bit(kSignalChild) | signal_bit(18) /* SIGCONT */
    | signal_bit(kSignalStop) | signal_bit(20) /* SIGTSTP */ | signal_bit(21) /* SIGTTIN */
    | signal_bit(22) /* SIGTTOU */ | signal_bit(23) /* SIGURG */ | signal_bit(28) /* SIGWINCH */;
// What no process may catch or ignore.
constexpr SignalSet kUncatchable = signal_bit(kSignalKill) | signal_bit(kSignalStop);

} // namespace

SignalAction ProcessTable::action_for(const Process& process, int32_t signal)
{
    SignalSet bit = signal_bit(signal);
    if (process.ignored_signals & bit)
        return SignalAction::drop;
    if ((process.handled_signals & bit) && process.signal_port != 0)
        return SignalAction::deliver;
    if (kDefaultIgnored & bit)
        return SignalAction::drop;
    return SignalAction::terminate;
}

void ProcessTable::set_signals(Process& process, SignalSet ignored, SignalSet handled)
{
    process.ignored_signals = ignored & ~kUncatchable;
    process.handled_signals = handled & ~kUncatchable & ~ignored;
}

void ProcessTable::reexec(Process& process, uint32_t task, const char* name)
{
    process.task = task;
    process.handled_signals = 0;
    process.signal_port = 0;
    copy_name(process.name, name);
}

// ---- ps ----

uint32_t ProcessTable::list(uint32_t start, ProcessInfo* out, uint32_t capacity, uint32_t* next) const
{
    uint32_t count = 0;
    uint32_t slot = start;
    for (; slot < kMaxProcesses && count < capacity; slot++) {
        const Process& p = m_slots[slot];
        if (!p.has_pid())
            continue;
        ProcessInfo& info = out[count++];
        info = {};
        info.pid = p.pid;
        info.parent = p.parent ? p.parent->pid : 0;
        info.group = p.group;
        info.uid = p.uid;
        info.state = p.life == Life::zombie ? State::zombie : State::running;
        for (uint32_t i = 0; i < kNameSize; i++)
            info.name[i] = p.name[i];
    }
    *next = slot < kMaxProcesses ? slot : List::kListEnd;
    return count;
}

} // namespace proc
