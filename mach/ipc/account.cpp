#include <freestanding/assert.h>
#include <ipc/account.h>
#include <ipc/memory.h>
#include <kern/never_destroyed.h>

namespace ipc {
namespace {

// The kernel's global caps (the system account's limits, and a privileged
// account's), and what an ordinary account's subtree may have. Ports are
// 176 bytes, threads a 16 KiB kernel stack, tasks at least a page table.
constexpr uint32_t kGlobalLimits[kResourceCount] = {
    1024, // tasks
    8192, // threads
    1u << 19, // ports
    1u << 16, // port sets
};
constexpr uint32_t kSubtreeLimits[kResourceCount] = {
    256, // tasks
    2048, // threads
    1u << 17, // ports
    1u << 14, // port sets
};

} // namespace

Account& Account::system()
{
    static kern::NeverDestroyed<Account> account;
    static bool initialized = false;
    if (!initialized) {
        account.get().set_default_object_limits(true);
        account.get().m_privileged = true;
        initialized = true;
    }
    return account.get();
}

void Account::set_default_object_limits(bool system)
{
    for (size_t i = 0; i < kResourceCount; i++)
        m_object_limits[i] = system ? kGlobalLimits[i] : kSubtreeLimits[i];
}

Result<Account*> Account::create(Account* parent, bool keep_privilege)
{
    if (parent && parent->m_depth >= kMaxDepth) {
        parent->reference();
        return parent;
    }
    Account* account = TRY(memory::cache<Account>().create());
    memory::counters().accounts++;
    // Only the tasks the kernel starts pass their privilege on (startup to its
    // servers), so that a server building a task for a user (a translator)
    // does not make it privileged.
    account->m_privileged = !parent || (keep_privilege && parent->m_privileged && parent->m_depth == 1);
    account->set_default_object_limits(account->m_privileged);
    account->m_parent = parent ? parent : &system();
    account->m_parent->reference();
    account->m_depth = account->m_parent->m_depth + 1;
    return account;
}

Result<void> Account::charge(uint64_t bytes)
{
    if (bytes > m_limit - m_bytes)
        return Error::no_space;
    m_bytes += bytes;
    m_references++;
    return {};
}

void Account::uncharge(uint64_t bytes)
{
    ASSERT(bytes <= m_bytes);
    m_bytes -= bytes;
    release();
}

uint32_t Account::effective_limit(Resource resource, const Account& charging) const
{
    uint32_t limit = m_object_limits[size_t(resource)];
    if (!m_parent && !charging.may_use_reserve())
        limit -= limit / kSystemReserve;
    return limit;
}

bool Account::may_use_reserve() const
{
    // A privileged task, and what it creates directly: root's shell can
    // fork a command when users have taken all they may.
    return m_privileged || (m_parent && m_parent->m_privileged);
}

Result<void> Account::charge_object(Resource resource)
{
    size_t index = size_t(resource);
    for (const Account* account = this; account; account = account->m_parent) {
        if (account->m_objects[index] >= account->effective_limit(resource, *this))
            return Error::no_space;
    }
    for (Account* account = this; account; account = account->m_parent)
        account->m_objects[index]++;
    m_references++;
    return {};
}

void Account::uncharge_object(Resource resource)
{
    size_t index = size_t(resource);
    for (Account* account = this; account; account = account->m_parent) {
        ASSERT(account->m_objects[index] > 0);
        account->m_objects[index]--;
    }
    release();
}

void Account::release()
{
    // Iterative: freeing an account drops its parent's reference, and a
    // chain of accounts left by dead tasks may go at once.
    Account* account = this;
    while (account) {
        ASSERT(account->m_references > 0);
        if (--account->m_references != 0 || !account->m_parent)
            return;
        Account* parent = account->m_parent;
        memory::cache<Account>().destroy(account);
        memory::counters().accounts--;
        account = parent;
    }
}

} // namespace ipc
