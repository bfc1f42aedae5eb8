#include <arch/x86_64/gdt.h>
#include <arch/x86_64/io_permission.h>
#include <freestanding/string.h>
#include <vm/heap.h>

#include <new>

namespace arch {
namespace {

// FIXME(SMP): per CPU, with its TSS.
const IoPermissions* g_loaded = nullptr;

} // namespace

Result<IoPermissions*> IoPermissions::create()
{
    void* memory = TRY(kern::heap_allocate(sizeof(IoPermissions)));
    IoPermissions* permissions = new (memory) IoPermissions;
    memset(permissions->m_bitmap, 0xff, sizeof(permissions->m_bitmap));
    return permissions;
}

void IoPermissions::destroy(IoPermissions* permissions)
{
    if (!permissions)
        return;
    if (g_loaded == permissions)
        load_io_permissions(nullptr);
    permissions->~IoPermissions();
    kern::heap_free(permissions);
}

Result<void> IoPermissions::allow(uint32_t first, uint32_t count)
{
    if (count == 0 || first >= kPortCount || count > kPortCount - first)
        return Error::invalid_argument;
    for (uint32_t port = first; port < first + count; ++port)
        m_bitmap[port / 8] &= uint8_t(~(1u << (port % 8)));
    if (first / 8 < m_low_byte)
        m_low_byte = first / 8;
    if ((first + count - 1) / 8 + 1 > m_high_byte)
        m_high_byte = (first + count - 1) / 8 + 1;
    if (g_loaded == this) {
        g_loaded = nullptr;
        load_io_permissions(this);
    }
    return {};
}

bool IoPermissions::allows(uint16_t port) const { return !(m_bitmap[port / 8] & (1u << (port % 8))); }

void load_io_permissions(const IoPermissions* permissions)
{
    if (permissions == g_loaded)
        return;
    uint8_t* map = tss_io_map();
    if (g_loaded && g_loaded->m_high_byte > g_loaded->m_low_byte)
        memset(map + g_loaded->m_low_byte, 0xff, g_loaded->m_high_byte - g_loaded->m_low_byte);
    if (permissions && permissions->m_high_byte > permissions->m_low_byte)
        memcpy(map + permissions->m_low_byte, permissions->m_bitmap + permissions->m_low_byte,
            permissions->m_high_byte - permissions->m_low_byte);
    g_loaded = permissions;
}

} // namespace arch
