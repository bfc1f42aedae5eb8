#include <freestanding/assert.h>
#include <ipc/account.h>
#include <ipc/memory.h>

namespace ipc {

Result<Account*> Account::create()
{
    Account* account = TRY(memory::cache<Account>().create());
    memory::counters().accounts++;
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

void Account::release()
{
    ASSERT(m_references > 0);
    if (--m_references != 0)
        return;
    memory::cache<Account>().destroy(this);
    memory::counters().accounts--;
}

} // namespace ipc
