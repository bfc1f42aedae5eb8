#include <freestanding/assert.h>
#include <freestanding/slab.h>
#include <kern/never_destroyed.h>
#include <vm/heap.h>
#include <vm/memory_account.h>

namespace vm {
namespace {

size_t g_live_accounts = 0;

freestanding::ObjectCache<MemoryAccount>& account_cache()
{
    static kern::NeverDestroyed<freestanding::ObjectCache<MemoryAccount>> cache(
        "vm-account", kern::kernel_page_provider());
    return cache.get();
}

} // namespace

Result<MemoryAccount*> MemoryAccount::create()
{
    MemoryAccount* account = TRY(account_cache().create());
    g_live_accounts++;
    return account;
}

Result<void> MemoryAccount::charge(uint64_t bytes)
{
    if (bytes > m_byte_limit - m_bytes)
        return Error::no_space;
    m_bytes += bytes;
    return {};
}

void MemoryAccount::uncharge(uint64_t bytes)
{
    ASSERT(bytes <= m_bytes);
    m_bytes -= bytes;
}

Result<void> MemoryAccount::add_object()
{
    if (m_objects >= m_object_limit)
        return Error::no_space;
    m_objects++;
    m_references++;
    return {};
}

void MemoryAccount::remove_object()
{
    ASSERT(m_objects > 0);
    m_objects--;
    release();
}

void MemoryAccount::release()
{
    ASSERT(m_references > 0);
    if (--m_references != 0)
        return;
    ASSERT(m_bytes == 0 && m_objects == 0);
    account_cache().destroy(this);
    g_live_accounts--;
}

size_t MemoryAccount::live_count() { return g_live_accounts; }

} // namespace vm
