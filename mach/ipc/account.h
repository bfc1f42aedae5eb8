// Account: what a task costs the kernel, and its limits.
//
// Messages in flight: every message a task sends is charged to its account
// until it is received or destroyed; past the limit, sending fails with
// no_space. So a task that fills queue after queue exhausts its own quota,
// not the kernel's memory. A reply (a message through a send-once right) is
// charged to the account of the task that will receive it (see send in
// message.h). Kernel notifications are not charged: the rights that cause
// them bound them.
//
// Kernel objects: tasks, threads, ports and port sets are counted per
// account. The kernel knows no users, so accounts form a tree
// that follows task creation: a task's account is a child of its
// creator's (for fork and exec's task_fork: of the task forked), and an
// object counts against its account and every ancestor, each of which has
// a limit for its whole subtree. A fork bomb thus exhausts the quota of the
// task that started it (and its own descendants); the creator's siblings,
// other users' shells and the servers notice nothing. Whoever hits a limit
// gets no_space.
//
// The tree's root is the system account, whose limits are the kernel's
// global caps. Its last kSystemReserve-th of each is kept for privileged
// accounts and their direct children — privileged are the tasks the kernel
// starts at boot and the tasks those build with task_create (startup's
// servers, the program it starts as root), not their forks (processes,
// exec's new tasks) nor what the servers build in turn (a user's
// translator) — so that the system can always create tasks, threads and
// ports however much the others use; their subtrees have the global caps
// as limits. Out of memory, a privileged task is never the one killed
// (kern/out_of_memory.h). A chain is at most kMaxDepth deep: a task
// created deeper (exec after exec) shares its creator's account.
//
// Ownership: reference counted — the task's name space holds one
// reference, each charged message and each counted object another, each
// child account one on its parent; so an account outlives a task whose
// messages or ports are still around.
#pragma once

#include <freestanding/result.h>
#include <stddef.h>
#include <stdint.h>

namespace ipc {

// The kernel objects an account counts.
// (Memory objects and the VM's metadata: vm/memory_account.h, per task.)
enum class Resource : uint8_t { tasks, threads, ports, port_sets };
constexpr size_t kResourceCount = 4;

class Account {
public:
    static constexpr const char* kCacheName = "ipc.account";
    // Bytes of messages in flight a task may have by default.
    static constexpr uint64_t kDefaultLimit = 8ull << 20;
    // How deep the tree of accounts may grow (see above).
    static constexpr uint32_t kMaxDepth = 16;
    // The privileged share of each global cap: 1/kSystemReserve of it.
    static constexpr uint32_t kSystemReserve = 8;

    // A new account: a child of `parent`, or, null, a privileged child of
    // the system account (a task the kernel starts). A child of such a
    // task is privileged too if `keep_privilege` (a task it builds with
    // task_create), else not (fork, exec). The caller
    // holds the one reference. Past kMaxDepth: `parent` itself, with one
    // more reference.
    static Result<Account*> create(Account* parent = nullptr, bool keep_privilege = false);
    // The root of the tree (never freed).
    static Account& system();

    // Message bytes in flight.
    // Charges `bytes` (and takes a reference), or no_space past the limit.
    Result<void> charge(uint64_t bytes);
    // Gives back a charge (and its reference).
    void uncharge(uint64_t bytes);

    // Kernel objects: counts one `resource` here and in every ancestor
    // (and takes a reference), or no_space if any of them is at its limit.
    Result<void> charge_object(Resource resource);
    // Gives back a charge_object (and its reference).
    void uncharge_object(Resource resource);
    // Objects of `resource` in this account's subtree, and their limit.
    uint32_t objects(Resource resource) const { return m_objects[size_t(resource)]; }
    uint32_t object_limit(Resource resource) const { return m_object_limits[size_t(resource)]; }
    void set_object_limit(Resource resource, uint32_t limit) { m_object_limits[size_t(resource)] = limit; }

    void reference() { m_references++; }
    void release();

    uint64_t in_flight() const { return m_bytes; }
    uint64_t limit() const { return m_limit; }
    void set_limit(uint64_t limit) { m_limit = limit; }

    Account* parent() const { return m_parent; }
    bool privileged() const { return m_privileged; }
    uint32_t depth() const { return m_depth; }

    // Only for the slab cache and the system account: use create.
    Account() = default;

private:
    void set_default_object_limits(bool system);
    bool may_use_reserve() const;
    // The limit `resource` has here for a charge from `charging`.
    uint32_t effective_limit(Resource resource, const Account& charging) const;

    uint64_t m_bytes = 0;
    uint64_t m_limit = kDefaultLimit;
    Account* m_parent = nullptr; // referenced; null only for the system account
    uint32_t m_references = 1;
    uint32_t m_depth = 0;
    uint32_t m_objects[kResourceCount] = {};
    uint32_t m_object_limits[kResourceCount] = {};
    bool m_privileged = false;
};

} // namespace ipc
