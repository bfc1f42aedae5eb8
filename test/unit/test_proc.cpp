// The proc server: its ProcessTable (pids, the tree, groups, zombies and
// wait matching), then its RPC side over the host kernel (Child, Exit and
// a deferred Wait, a task's death, Kill, handles released, bad requests).
#include <catch.hpp>
#include <ports/server.h>
#include <rpc/client.h>
#include <runtime/mach.h>
#include <support/host_kernel.h>
#include <support/proc_task.h>

#include "../../servers/proc/proc_server.h"
#include "../../servers/proc/process_table.h"

#include <cstring>
#include <memory>
#include <string>
#include <thread>
#include <vector>

using mach::Disposition;
using mach::PortName;
using proc::Life;
using proc::Process;
using proc::ProcessTable;
using test_support::ActAs;
using test_support::HostKernel;
using test_support::HostTask;

namespace {

// A table on the heap (it is big), and a child of `parent` for task `task`.
std::unique_ptr<ProcessTable> new_table() { return std::make_unique<ProcessTable>(); }

Process& child_of(ProcessTable& table, Process& parent, uint32_t task = 0, const char* name = "child")
{
    static uint32_t next_task = 1000;
    Result<Process*> child = table.add_child(parent, name, task ? task : next_task++);
    REQUIRE(child.ok());
    return *child.value();
}

} // namespace

// ---------------------------------------------------------------- table ---

TEST_CASE("proc table: pid 1 is startup, and children take the parent's group, session and owner")
{
    auto table = new_table();
    Process& init = table->init();
    CHECK(init.pid == 1);
    CHECK(init.parent == nullptr);
    CHECK(init.uid == 0);
    CHECK(std::strcmp(init.name, "startup") == 0);
    CHECK(table->count() == 1);
    init.uid = 0;
    Process& a = child_of(*table, init, 0, "a-name-much-longer-than-thirty-one-characters");
    CHECK(a.pid == 2);
    CHECK(a.parent == &init);
    CHECK(a.group == 1);
    CHECK(a.session == 1);
    CHECK(std::strlen(a.name) == 31);
    a.uid = 1000;
    Process& b = child_of(*table, a);
    CHECK(b.pid == 3);
    CHECK(b.uid == 1000);
    CHECK(table->find(3) == &b);
    CHECK(table->find(4) == nullptr);
    CHECK(table->find(0) == nullptr);
    CHECK(table->find(-3) == nullptr);
    CHECK(table->count() == 3);
}

TEST_CASE("proc table: a task names one running process")
{
    auto table = new_table();
    Process& a = child_of(*table, table->init(), 77);
    CHECK(table->find_task(77) == &a);
    CHECK(table->find_task(0) == nullptr);
    table->end(a);
    CHECK(table->find_task(77) == nullptr);
}

TEST_CASE("proc table: ending makes a zombie; its status is what Exit said, else killed by SIGKILL")
{
    auto table = new_table();
    Process& init = table->init();
    Process& exits = child_of(*table, init);
    Process& dies = child_of(*table, init);
    table->report_exit(exits, proc::exited_status(3));
    CHECK(exits.alive()); // until its task dies
    table->end(exits);
    table->end(dies);
    CHECK(exits.life == Life::zombie);
    CHECK(exits.status == 0x300);
    CHECK(dies.status == 9);
    // glibc's macros read them so.
    CHECK((exits.status & 0x7f) == 0); // WIFEXITED
    CHECK(((exits.status >> 8) & 0xff) == 3); // WEXITSTATUS
    CHECK((dies.status & 0x7f) == 9); // WTERMSIG
    // Pid 1 never ends; ending twice changes nothing.
    table->end(init);
    CHECK(init.alive());
    table->end(exits);
    CHECK(exits.status == 0x300);
}

TEST_CASE("proc table: a wait reaps a zombie; by pid, any child, or group")
{
    auto table = new_table();
    Process& init = table->init();
    Process& a = child_of(*table, init);
    Process& b = child_of(*table, init);
    Process& c = child_of(*table, init);
    int32_t a_pid = a.pid, b_pid = b.pid, c_pid = c.pid;
    REQUIRE(table->set_group(init, c_pid, 0) == Error::none);

    // Running children: nothing yet (pid 0).
    CHECK(table->wait(init, -1).value().pid == 0);
    CHECK(table->wait(init, b_pid).value().pid == 0);
    table->end(b);
    // A wait for a another child does not take b.
    CHECK(table->wait(init, a_pid).value().pid == 0);
    CHECK(table->wait(init, -c_pid).value().pid == 0);
    Result<proc::Reaped> got = table->wait(init, -1);
    REQUIRE(got.ok());
    CHECK(got.value().pid == b_pid);
    CHECK(got.value().status == 9);
    CHECK(table->find(b_pid) == nullptr);
    CHECK(table->wait(init, b_pid).error() == Error::not_found); // ECHILD: not a child any more

    // Group waits: 0 is the caller's group, -g group g.
    table->end(c);
    CHECK(table->wait(init, 0).value().pid == 0); // c left group 1
    CHECK(table->wait(init, -c_pid).value().pid == c_pid);
    CHECK(table->wait(init, -c_pid).error() == Error::not_found);
    table->end(a);
    CHECK(table->wait(init, 0).value().pid == a_pid);
    CHECK(table->wait(init, -1).error() == Error::not_found);
    CHECK(table->count() == 1);
}

TEST_CASE("proc table: no children is ECHILD; another's child is not mine")
{
    auto table = new_table();
    Process& init = table->init();
    Process& a = child_of(*table, init);
    Process& grandchild = child_of(*table, a);
    CHECK(table->wait(grandchild, -1).error() == Error::not_found);
    CHECK(table->wait(init, grandchild.pid).error() == Error::not_found);
    CHECK(table->wait(a, grandchild.pid).value().pid == 0);
    CHECK(table->wait(init, -4242).error() == Error::not_found);
}

TEST_CASE("proc table: an ended process's children go to pid 1, zombies included")
{
    auto table = new_table();
    Process& init = table->init();
    Process& parent = child_of(*table, init);
    Process& running = child_of(*table, parent);
    Process& zombie = child_of(*table, parent);
    int32_t zombie_pid = zombie.pid;
    table->end(zombie);
    table->end(parent);
    CHECK(running.parent == &init);
    CHECK(zombie.parent == &init);
    // init now waits for three: the parent and the inherited zombie have ended.
    Result<proc::Reaped> first = table->wait(init, -1);
    Result<proc::Reaped> second = table->wait(init, -1);
    REQUIRE(first.ok());
    REQUIRE(second.ok());
    CHECK((first.value().pid == zombie_pid || second.value().pid == zombie_pid));
    CHECK(table->wait(init, -1).value().pid == 0); // `running` is left
    CHECK(table->wait(init, running.pid).value().pid == 0);
}

TEST_CASE("proc table: pids recycle, never while a process, zombie or group holds them")
{
    auto table = new_table();
    Process& init = table->init();
    Process& a = child_of(*table, init); // 2
    Process& b = child_of(*table, init); // 3
    REQUIRE(table->set_group(init, b.pid, 0) == Error::none); // group 3
    Process& member = child_of(*table, b); // 4, in group 3
    table->end(a);
    // The pids run on to kMaxPid, then wrap, skipping the taken ones.
    for (int32_t i = 0; i < 40; i++) {
        Process& p = child_of(*table, init);
        int32_t pid = p.pid;
        table->end(p);
        REQUIRE(table->wait(init, pid).value().pid == pid);
    }
    CHECK(child_of(*table, init).pid == 45);
    // Far on: wrap past kMaxPid to 2 — taken by the zombie a, so not reused.
    int32_t last = 0;
    for (int32_t i = 45; i < proc::kMaxPid + 2; i++) {
        Process& p = child_of(*table, init);
        last = p.pid;
        table->end(p);
        REQUIRE(table->wait(init, last).value().pid == last);
    }
    CHECK(last != 2);
    CHECK(last != 3);
    CHECK(last != 4);
    CHECK(last != 1);
    CHECK(last > 4);
    CHECK(a.pid == 2);
    CHECK(member.group == 3);
    // b ends and is reaped, but its group lives on in `member`: 3 stays taken.
    int32_t b_pid = b.pid;
    table->end(b);
    REQUIRE(table->wait(init, b_pid).ok());
    REQUIRE(table->wait(init, a.pid).ok());
    for (int32_t i = 0; i < proc::kMaxPid; i++) {
        Process& p = child_of(*table, init);
        int32_t pid = p.pid;
        REQUIRE(pid != 3);
        REQUIRE(pid != member.pid);
        table->end(p);
        REQUIRE(table->wait(init, pid).ok());
        if (pid == 2)
            break; // the freed pid 2 came round again
    }
}

TEST_CASE("proc table: at most kMaxProcesses, then no_space; a slot comes back once reaped")
{
    auto table = new_table();
    Process& init = table->init();
    Process* last = nullptr;
    for (uint32_t i = 1; i < ProcessTable::kMaxProcesses; i++)
        last = &child_of(*table, init);
    CHECK(table->count() == ProcessTable::kMaxProcesses);
    CHECK(table->add_child(init, "one-too-many", 5).error() == Error::no_space);
    int32_t pid = last->pid;
    table->end(*last);
    CHECK(table->add_child(init, "still-full", 5).error() == Error::no_space); // a zombie holds its slot
    REQUIRE(table->wait(init, pid).ok());
    CHECK(table->add_child(init, "fits", 5).ok());
    // A zombie cannot have children.
    Process& ended = *table->find(2);
    table->end(ended);
    CHECK(table->add_child(ended, "orphan", 6).error() == Error::invalid_argument);
}

TEST_CASE("proc table: a reaped process's slot waits for its handle to go")
{
    auto table = new_table();
    Process& init = table->init();
    Process& a = child_of(*table, init);
    table->handle_minted(a);
    int32_t pid = a.pid;
    table->end(a);
    REQUIRE(table->wait(init, pid).ok());
    CHECK(a.life == Life::reaped);
    CHECK(table->find(pid) == nullptr);
    CHECK(table->count() == 1);
    Process& b = child_of(*table, init);
    CHECK(&b != &a); // the slot is not reused yet
    table->handle_released(a);
    CHECK(a.life == Life::free);
    // A running process's handle going changes nothing; its end still comes.
    table->handle_minted(b);
    table->handle_released(b);
    CHECK(b.alive());
    // A zombie's handle going keeps the zombie for its parent.
    table->handle_minted(b);
    table->end(b);
    table->handle_released(b);
    CHECK(b.life == Life::zombie);
    CHECK(table->wait(init, b.pid).ok());
}

TEST_CASE("proc table: setpgid rules")
{
    auto table = new_table();
    Process& init = table->init();
    Process& a = child_of(*table, init);
    Process& b = child_of(*table, init);
    Process& a_child = child_of(*table, a);

    CHECK(table->set_group(a, 0, 0) == Error::none); // self, own pid
    CHECK(a.group == a.pid);
    CHECK(table->set_group(a, a_child.pid, a.pid) == Error::none); // a child, an existing group
    CHECK(a_child.group == a.pid);
    CHECK(table->set_group(a, a_child.pid, 0) == Error::none); // a child, its own pid
    CHECK(a_child.group == a_child.pid);
    CHECK(table->set_group(a, b.pid, 0) == Error::not_found); // not self or a child: ESRCH
    CHECK(table->set_group(a, 31000, 0) == Error::not_found);
    CHECK(table->set_group(a, 0, 4242) == Error::permission_denied); // no such group: EPERM
    CHECK(table->set_group(a, 0, -1) == Error::invalid_argument);
    CHECK(table->set_group(a, -1, 0) == Error::invalid_argument);
    CHECK(table->set_group(init, 0, 0) == Error::permission_denied); // a session leader
    CHECK(table->set_group(b, 0, a.pid) == Error::none); // a's group exists in the same session
    CHECK(b.group == a.pid);
    // A group in another session is out of reach.
    a_child.session = a_child.pid; // (as setsid will make it)
    CHECK(table->set_group(b, 0, a_child.pid) == Error::permission_denied);
    // A zombie child is no longer movable.
    table->end(a_child);
    CHECK(table->set_group(a, a_child.pid, 0) == Error::not_found);

    CHECK(table->group_of(a, 0).value() == a.pid);
    CHECK(table->group_of(a, b.pid).value() == a.pid);
    CHECK(table->group_of(a, 31000).error() == Error::not_found);
    CHECK(table->group_of(a, -2).error() == Error::invalid_argument);
}

TEST_CASE("proc table: kill follows POSIX: root, or a real or effective uid that is the target's real or saved one")
{
    auto table = new_table();
    Process& init = table->init();
    Process& user = child_of(*table, init);
    user.set_ids({ 1000, 1000, 1000 });
    Process& mine = child_of(*table, user);
    Process& other = child_of(*table, init);
    other.set_ids({ 2000, 2000, 2000 });
    CHECK(table->kill_target(user, mine.pid).value() == &mine);
    CHECK(table->kill_target(user, other.pid).error() == Error::permission_denied);
    CHECK(table->kill_target(init, other.pid).value() == &other);
    CHECK(table->kill_target(init, 1).error() == Error::permission_denied);
    CHECK(table->kill_target(init, 31000).error() == Error::not_found);
    CHECK(table->kill_target(init, 0).error() == Error::not_found);
    // A set-user-id root program user started (real 1000, effective and
    // saved 0): user may signal it (its real uid), it may signal user's.
    Process& setuid_root = child_of(*table, user);
    setuid_root.set_ids({ 0, 1000, 0 });
    CHECK(table->kill_target(user, setuid_root.pid).ok());
    CHECK(table->kill_target(setuid_root, other.pid).ok()); // effective root
    // A root server: user may not; nor may a process whose only tie is a saved id of its own.
    Process& server = child_of(*table, init);
    CHECK(table->kill_target(user, server.pid).error() == Error::permission_denied);
    Process& dropped = child_of(*table, init); // seteuid(2000) from root
    dropped.set_ids({ 2000, 0, 0 });
    CHECK(table->kill_target(dropped, other.pid).ok()); // effective 2000 is other's real uid
    CHECK(table->kill_target(other, dropped.pid).error() == Error::permission_denied);
    // kill -1 as user reaches user's processes only, not the caller.
    std::vector<int32_t> reached;
    CHECK(table->for_each_kill_target(user, -1, [&](Process& p) { reached.push_back(p.pid); }) == Error::none);
    CHECK(reached == std::vector<int32_t> { mine.pid, setuid_root.pid });
}

TEST_CASE("proc table: a user's processes are limited; root keeps a reserve")
{
    auto table = new_table();
    Process& init = table->init();
    proc::UserIds user { 1000, 1000, 1000 };
    Process* first = table->add_child(init, "shell", 1, user).value();
    for (uint32_t i = 1; i < ProcessTable::kMaxProcessesPerUser; i++)
        REQUIRE(table->add_child(*first, "bomb", 100 + i).ok());
    CHECK(table->add_child(*first, "one-more", 5000).error() == Error::would_block);
    // Another user, and root, are not affected.
    CHECK(table->add_child(init, "other", 5001, { 2000, 2000, 2000 }).ok());
    CHECK(table->add_child(init, "root", 5002).ok());
    // The limit counts by real uid: a set-user-id program still counts for its user.
    CHECK(table->add_child(*first, "setuid", 5003, { 2000, 1000, 2000 }).error() == Error::would_block);
    // Users together cannot take the last kRootReserve slots.
    uint32_t uid = 3000;
    uint32_t task = 6000;
    while (table->count() + ProcessTable::kRootReserve < ProcessTable::kMaxProcesses) {
        proc::UserIds next { uid, uid, uid };
        if (!table->add_child(init, "u", task++, next).ok())
            uid++;
    }
    CHECK(table->add_child(init, "user", task++, { 9999, 9999, 9999 }).error() == Error::would_block);
    CHECK(table->add_child(init, "root", task++).ok());
}

TEST_CASE("proc table: the list comes in pages, zombies marked")
{
    auto table = new_table();
    Process& init = table->init();
    for (int i = 0; i < 99; i++)
        child_of(*table, init, 0, "p");
    table->end(*table->find(50));
    proc::ProcessInfo page[proc::List::kPage];
    uint32_t start = 0, next = 0, total = 0, zombies = 0;
    bool saw_init = false;
    for (int pages = 0; pages < 10 && start != proc::List::kListEnd; pages++) {
        uint32_t count = table->list(start, page, proc::List::kPage, &next);
        for (uint32_t i = 0; i < count; i++) {
            total++;
            zombies += page[i].state == proc::State::zombie;
            if (page[i].pid == 1)
                saw_init = page[i].parent == 0 && std::strcmp(page[i].name, "startup") == 0;
            else
                CHECK(page[i].parent == 1);
        }
        start = next;
    }
    CHECK(total == 100);
    CHECK(zombies == 1);
    CHECK(saw_init);
    CHECK(start == proc::List::kListEnd);
    CHECK(table->list(ProcessTable::kMaxProcesses + 5, page, proc::List::kPage, &next) == 0);
    CHECK(next == proc::List::kListEnd);
}

// --------------------------------------------------------------- server ---

namespace {

using test_support::ProcTask;

struct Registered {
    HostTask* task;
    int32_t pid;
    PortName handle;
};

// A new task registered by `parent` (in `as`, through `through`) as a child named `name`.
Registered register_child(HostKernel& kernel, HostTask& as, PortName through, const char* name = "child")
{
    HostTask& task = kernel.create_task();
    PortName task_port = kernel.move_right(task, task.task_name(), as, Disposition::copy_send);
    ActAs acting(as);
    proc::Child::Request request {};
    request.name.set(name);
    proc::Child::Reply reply {};
    rpc::Rights<2> give;
    give[0] = { task_port, Disposition::move_send };
    rpc::Rights<1> got;
    REQUIRE(rpc::call<proc::Child>(through, request, reply, give, &got) == Error::none);
    return { &task, reply.pid, got[0].name };
}

proc::Wait::Reply wait_for(PortName through, int32_t pid, Error expected = Error::none, uint32_t options = 0)
{
    proc::Wait::Reply reply {};
    CHECK(rpc::call<proc::Wait>(through, { pid, options }, reply) == expected);
    return reply;
}

// Waits until `done` holds (the server works on its own thread), at most a few seconds.
template <typename Condition> bool eventually(Condition done)
{
    for (int i = 0; i < 500; i++) {
        if (done())
            return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return false;
}

} // namespace

TEST_CASE("proc server: Child, GetIds, Exit and a wait answered later")
{
    HostKernel kernel;
    ProcTask proc(kernel);
    HostTask& init = kernel.create_task();
    PortName plain = proc.give_to(init);
    Registered child = register_child(kernel, init, plain, "worker");
    CHECK(child.pid == 2);
    {
        ActAs as(init);
        proc::GetIds::Reply ids {};
        REQUIRE(rpc::call<proc::GetIds>(plain, {}, ids) == Error::none);
        CHECK(ids.pid == 1);
        CHECK(ids.parent == 0);
        REQUIRE(rpc::call<proc::GetIds>(child.handle, {}, ids) == Error::none);
        CHECK(ids.pid == 2);
        CHECK(ids.parent == 1);
        CHECK(ids.group == 1);
    }
    // init waits (the answer is deferred) while the child reports exit 5 and its task ends.
    proc::Wait::Reply waited {};
    std::thread waiter([&] {
        ActAs as(init);
        waited = wait_for(plain, -1);
    });
    CHECK(eventually([&] { return proc.proc->parked_waits() == 1; }));
    {
        // The child sends Exit through its own handle (moved to it, as its bootstrap port would be).
        ActAs as(init);
        proc::Exit::Reply none {};
        CHECK(rpc::call<proc::Exit>(child.handle, { 5, 0 }, none) == Error::none);
        CHECK(rpc::call<proc::Exit>(child.handle, { 0, 300 }, none) == Error::invalid_argument);
        CHECK(rpc::call<proc::Exit>(plain, { 0, 0 }, none) == Error::not_supported); // init does not exit
    }
    kernel.kill(*child.task);
    waiter.join();
    CHECK(waited.pid == 2);
    CHECK(waited.status == proc::exited_status(5));
    ActAs as(init);
    wait_for(plain, -1, Error::not_found);
}

TEST_CASE("proc server: a task that dies without Exit reads killed by signal 9; several waits wake the right one")
{
    HostKernel kernel;
    ProcTask proc(kernel);
    HostTask& init = kernel.create_task();
    PortName plain = proc.give_to(init);
    Registered a = register_child(kernel, init, plain, "a");
    Registered b = register_child(kernel, init, plain, "b");
    proc::Wait::Reply for_b {}, for_any {};
    std::thread wait_b([&] {
        ActAs as(init);
        for_b = wait_for(plain, b.pid);
    });
    CHECK(eventually([&] { return proc.proc->parked_waits() == 1; }));
    std::thread wait_any([&] {
        ActAs as(init);
        for_any = wait_for(plain, -1);
    });
    CHECK(eventually([&] { return proc.proc->parked_waits() == 2; }));
    kernel.kill(*a.task); // only the wait for any child matches a
    wait_any.join();
    CHECK(for_any.pid == a.pid);
    CHECK(for_any.status == proc::killed_status(9));
    // proc's thread may still be between its answer and dropping the entry.
    CHECK(eventually([&] { return proc.proc->parked_waits() == 1; }));
    kernel.kill(*b.task);
    wait_b.join();
    CHECK(for_b.pid == b.pid);
    CHECK(for_b.status == 9);
}

TEST_CASE("proc server: a parked wait whose last child goes elsewhere gets ECHILD")
{
    HostKernel kernel;
    ProcTask proc(kernel);
    HostTask& init = kernel.create_task();
    PortName plain = proc.give_to(init);
    Registered a = register_child(kernel, init, plain, "a");
    // Two waits for a; the first takes it, the second is left with no child.
    Error second_status = Error::none;
    int32_t first_pid = 0;
    std::thread first([&] {
        ActAs as(init);
        first_pid = wait_for(plain, a.pid).pid;
    });
    CHECK(eventually([&] { return proc.proc->parked_waits() == 1; }));
    std::thread second([&] {
        ActAs as(init);
        proc::Wait::Reply reply {};
        second_status = rpc::call<proc::Wait>(plain, { a.pid, 0 }, reply);
    });
    CHECK(eventually([&] { return proc.proc->parked_waits() == 2; }));
    kernel.kill(*a.task);
    first.join();
    second.join();
    CHECK(first_pid == a.pid);
    CHECK(second_status == Error::not_found);
}

TEST_CASE("proc server: Kill ends the task; a grandchild goes to pid 1 when its parent dies")
{
    HostKernel kernel;
    ProcTask proc(kernel);
    HostTask& init = kernel.create_task();
    PortName plain = proc.give_to(init);
    Registered parent = register_child(kernel, init, plain, "parent");
    Registered grandchild = register_child(kernel, init, parent.handle, "grandchild");
    ActAs as(init);
    proc::Kill::Reply none {};
    CHECK(rpc::call<proc::Kill>(plain, { 31000, 9 }, none) == Error::not_found);
    CHECK(rpc::call<proc::Kill>(plain, { 1, 9 }, none) == Error::permission_denied);
    CHECK(rpc::call<proc::Kill>(plain, { parent.pid, 17 }, none) == Error::none); // SIGCHLD: dropped by default
    CHECK(rpc::call<proc::Kill>(plain, { parent.pid, -1 }, none) == Error::invalid_argument);
    CHECK(rpc::call<proc::Kill>(plain, { parent.pid, 0 }, none) == Error::none);
    CHECK(rpc::call<proc::Kill>(plain, { parent.pid, 9 }, none) == Error::none);
    proc::Wait::Reply waited = wait_for(plain, parent.pid);
    CHECK(waited.status == proc::killed_status(9));
    CHECK(parent.task->space() == nullptr);
    // The grandchild is init's now.
    proc::GetIds::Reply ids {};
    REQUIRE(rpc::call<proc::GetIds>(grandchild.handle, {}, ids) == Error::none);
    CHECK(ids.parent == 1);
    wait_for(plain, grandchild.pid, Error::none, proc::kNoHang);
    CHECK(rpc::call<proc::Kill>(plain, { grandchild.pid, 9 }, none) == Error::none);
    CHECK(wait_for(plain, grandchild.pid).pid == grandchild.pid);
}

// Sends SetSignals through `handle` with `port` (a receive right of `as`, or null).
proc::SetSignals::Reply set_signals(
    HostTask& as, PortName handle, proc::SignalSet ignored, proc::SignalSet handled, PortName port, uint32_t flags = 0)
{
    ActAs acting(as);
    rpc::Rights<1> give;
    if (port != 0)
        give[0] = { port, Disposition::make_send };
    proc::SetSignals::Reply reply {};
    CHECK(rpc::call<proc::SetSignals>(handle, { ignored, handled, flags, 0 }, reply, give) == Error::none);
    return reply;
}

// The signal number of the next SignalMessage on `port` (0 if none comes).
int32_t next_signal(HostTask& as, PortName port)
{
    ActAs acting(as);
    struct {
        mach::MessageHeader header;
        proc::SignalMessage body;
        uint8_t slack[64];
    } message {};
    Error got
        = mach::msg(&message.header, mach::kReceive | mach::kReceiveTimeout, 0, sizeof(message), port, 200'000'000);
    return got == Error::none && message.header.id == proc::kSignalMessageId ? message.body.signal : 0;
}

TEST_CASE("proc server: signals are dropped, delivered to the signal port or end the process, as it asked")
{
    HostKernel kernel;
    ProcTask proc(kernel);
    HostTask& init = kernel.create_task();
    PortName plain = proc.give_to(init);
    Registered a = register_child(kernel, init, plain, "a");
    Registered b = register_child(kernel, init, plain, "b");
    a.handle = kernel.move_right(init, a.handle, *a.task, Disposition::move_send); // a's own, as exec gives it
    PortName signals = 0;
    {
        ActAs as(*a.task);
        REQUIRE(mach::port_allocate(a.task->task_name(), mach::RightType::receive, &signals) == Error::none);
    }
    // a ignores SIGINT, handles SIGTERM and SIGCHLD; SIGKILL cannot be handled.
    proc::SetSignals::Reply now = set_signals(*a.task, a.handle, proc::signal_bit(2),
        proc::signal_bit(15) | proc::signal_bit(17) | proc::signal_bit(9), signals);
    CHECK(now.ignored == proc::signal_bit(2));
    CHECK(now.handled == (proc::signal_bit(15) | proc::signal_bit(17)));
    ActAs as(init);
    proc::Kill::Reply none {};
    CHECK(rpc::call<proc::Kill>(plain, { a.pid, 2 }, none) == Error::none);
    CHECK(rpc::call<proc::Kill>(plain, { a.pid, 15 }, none) == Error::none);
    CHECK(next_signal(*a.task, signals) == 15);
    CHECK(next_signal(*a.task, signals) == 0); // SIGINT was dropped
    // kKeepDispositions only reads them back.
    CHECK(set_signals(*a.task, a.handle, 0, 0, 0, proc::SetSignals::kKeepDispositions).ignored == proc::signal_bit(2));
    // b takes SIGTERM's default: it ends, killed by signal 15.
    CHECK(rpc::call<proc::Kill>(plain, { b.pid, 15 }, none) == Error::none);
    CHECK(wait_for(plain, b.pid).status == proc::killed_status(15));
    // A child of a ends: a hears SIGCHLD.
    Registered c = register_child(kernel, *a.task, a.handle, "c");
    kernel.kill(*c.task);
    CHECK(next_signal(*a.task, signals) == 17);
    // A group: a and c... c is gone; a new child d in a's group gets it too.
    Registered d = register_child(kernel, *a.task, a.handle, "d");
    CHECK(rpc::call<proc::Kill>(plain, { -a.pid, 15 }, none) == Error::not_found); // no group a.pid yet
    proc::SetProcessGroup::Reply grouped {};
    {
        ActAs as_a(*a.task);
        REQUIRE(rpc::call<proc::SetProcessGroup>(a.handle, { 0, 0 }, grouped) == Error::none);
        REQUIRE(rpc::call<proc::SetProcessGroup>(a.handle, { d.pid, a.pid }, grouped) == Error::none);
    }
    CHECK(rpc::call<proc::Kill>(plain, { -a.pid, 15 }, none) == Error::none);
    CHECK(next_signal(*a.task, signals) == 15);
    {
        ActAs as_a(*a.task);
        CHECK(wait_for(a.handle, d.pid).status == proc::killed_status(15));
    }
    CHECK(rpc::call<proc::Kill>(plain, { a.pid, 65 }, none) == Error::invalid_argument);
}

// proc serves from one thread: a process that never reads its signal port
// must not hold it. Each signal is sent without waiting (a full queue drops
// it), so every Kill is answered and proc still lists its processes.
TEST_CASE("proc server: a never-read signal port does not block proc; past its queue, signals drop")
{
    HostKernel kernel;
    ProcTask proc(kernel);
    HostTask& init = kernel.create_task();
    PortName plain = proc.give_to(init);
    Registered a = register_child(kernel, init, plain, "a");
    a.handle = kernel.move_right(init, a.handle, *a.task, Disposition::move_send);
    PortName signals = 0;
    {
        ActAs as(*a.task);
        REQUIRE(mach::port_allocate(a.task->task_name(), mach::RightType::receive, &signals) == Error::none);
    }
    set_signals(*a.task, a.handle, 0, proc::signal_bit(15), signals);
    ActAs as(init);
    proc::Kill::Reply none {};
    for (uint32_t i = 0; i < 4 * mach::kDefaultQueueLimit; i++)
        REQUIRE(rpc::call<proc::Kill>(plain, { a.pid, 15 }, none, {}, nullptr, 1'000'000'000) == Error::none);
    proc::List::Reply listed {};
    REQUIRE(rpc::call<proc::List>(plain, { 0, 0 }, listed, {}, nullptr, 1'000'000'000) == Error::none);
    CHECK(listed.count == 2);
    CHECK(next_signal(*a.task, signals) == 15); // the queue holds what fitted
}

TEST_CASE("proc server: Reexec moves a process to a new task under the same pid")
{
    HostKernel kernel;
    ProcTask proc(kernel);
    HostTask& init = kernel.create_task();
    PortName plain = proc.give_to(init);
    Registered a = register_child(kernel, init, plain, "a");
    a.handle = kernel.move_right(init, a.handle, *a.task, Disposition::move_send);
    HostTask& next = kernel.create_task();
    PortName next_port = kernel.move_right(next, next.task_name(), *a.task, Disposition::copy_send);
    {
        ActAs as(*a.task);
        proc::Reexec::Request request {};
        request.name.set("a-exec");
        proc::Reexec::Reply none {};
        rpc::Rights<1> give;
        give[0] = { next_port, Disposition::copy_send };
        CHECK(rpc::call<proc::Reexec>(a.handle, request, none, give) == Error::none);
        rpc::Rights<1> none_given;
        CHECK(rpc::call<proc::Reexec>(a.handle, request, none, none_given) == Error::invalid_right);
        give[0] = { next_port, Disposition::copy_send };
        CHECK(rpc::call<proc::Reexec>(a.handle, request, none, give) == Error::already_exists);
    }
    kernel.kill(*a.task); // the old program's end means nothing now
    ActAs as(init);
    wait_for(plain, a.pid, Error::none, proc::kNoHang);
    proc::ProcessInfo page[4];
    uint32_t following = 0;
    uint32_t count = proc.proc->table().list(0, page, 4, &following);
    REQUIRE(count == 2);
    CHECK(std::string(page[1].name) == "a-exec");
    kernel.kill(next);
    CHECK(wait_for(plain, a.pid).pid == a.pid);
}

TEST_CASE("proc server: a handle's last right going frees a reaped record; bad requests get errors")
{
    HostKernel kernel;
    ProcTask proc(kernel);
    HostTask& init = kernel.create_task();
    PortName plain = proc.give_to(init);
    Registered a = register_child(kernel, init, plain, "a");
    kernel.kill(*a.task);
    ActAs as(init);
    CHECK(wait_for(plain, a.pid).status == 9);
    // The reaped process's handle still lives: requests through it are refused, the slot kept.
    proc::GetIds::Reply ids {};
    CHECK(rpc::call<proc::GetIds>(a.handle, {}, ids) == Error::not_found);
    proc::Child::Reply child {};
    rpc::Rights<2> give;
    PortName extra = 0;
    REQUIRE(mach::port_allocate(init.task_name(), mach::RightType::receive, &extra) == Error::none);
    give[0] = { extra, Disposition::make_send };
    CHECK(rpc::call<proc::Child>(a.handle, {}, child, give) == Error::not_found);
    REQUIRE(mach::port_deallocate(init.task_name(), a.handle) == Error::none);
    CHECK(eventually([&] {
        proc::ProcessInfo page[4];
        uint32_t next = 0;
        // Nothing reaped shows; the freed slot is reused by the next child.
        return proc.proc->table().list(0, page, 4, &next) == 1;
    }));
    Registered b = register_child(kernel, init, plain, "b");
    CHECK(b.pid == 3);

    // Garbage: a Child without a task right, an unknown id, a body of the wrong size.
    struct ChildWithoutTask : rpc::Operation<proc::Child::kId, 0, 1> {
        using Request = proc::Child::Request;
        using Reply = proc::Child::Reply;
    };
    CHECK(rpc::call<ChildWithoutTask>(plain, {}, child) == Error::invalid_argument);
    struct Unknown : rpc::Operation<proc::kBase + 77> {
        using Request = rpc::Empty;
        using Reply = rpc::Empty;
    };
    Unknown::Reply nothing {};
    CHECK(rpc::call<Unknown>(b.handle, {}, nothing) == Error::not_supported);
    struct LongWait : rpc::Operation<proc::Wait::kId> {
        struct alignas(8) Request {
            uint64_t words[5];
        };
        using Reply = proc::Wait::Reply;
    };
    LongWait::Reply waited {};
    CHECK(rpc::call<LongWait>(b.handle, {}, waited) == Error::invalid_argument);
    // A send-once right for a task.
    give[0] = { extra, Disposition::make_send_once };
    CHECK(rpc::call<proc::Child>(plain, {}, child, give) == Error::invalid_right);
    // Wait from a process with no children; a Kill of a missing pid.
    wait_for(b.handle, -1, Error::not_found);
    proc::Kill::Reply none {};
    CHECK(rpc::call<proc::Kill>(b.handle, { 999, 9 }, none) == Error::not_found);
    CHECK(mach::port_destroy(init.task_name(), extra) == Error::none);
    // Still serving.
    REQUIRE(rpc::call<proc::GetIds>(b.handle, {}, ids) == Error::none);
    CHECK(ids.pid == 3);
}

TEST_CASE("proc server: one task registers once")
{
    HostKernel kernel;
    ProcTask proc(kernel);
    HostTask& init = kernel.create_task();
    PortName plain = proc.give_to(init);
    HostTask& task = kernel.create_task();
    PortName task_port = kernel.move_right(task, task.task_name(), init, Disposition::copy_send);
    ActAs as(init);
    rpc::Rights<2> give;
    give[0] = { task_port, Disposition::copy_send };
    proc::Child::Reply reply {};
    REQUIRE(rpc::call<proc::Child>(plain, {}, reply, give) == Error::none);
    CHECK(rpc::call<proc::Child>(plain, {}, reply, give) == Error::already_exists);
}
