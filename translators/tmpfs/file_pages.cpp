#include "file_pages.h"
#include <heap/heap.h>

namespace tmpfs {

Result<void*> FilePages::new_page(Space& space)
{
    TRY_STATUS(space.take(kPageSize));
    Result<void*> page = heap::pages().allocate_page();
    if (!page.ok()) {
        space.give_back(kPageSize);
        return page.error();
    }
    __builtin_memset(page.value(), 0, kPageSize);
    m_pages++;
    return page.value();
}

void FilePages::free_page(void* page, Space& space)
{
    heap::pages().free_page(page);
    space.give_back(kPageSize);
    m_pages--;
}

uint8_t* FilePages::find(uint64_t index) const
{
    if (!m_root || index >= reach(m_depth))
        return nullptr;
    void* at = m_root;
    for (uint32_t level = m_depth; level > 0 && at; level--)
        at = static_cast<void**>(at)[(index >> (kSlotBits * (level - 1))) & (reach(1) - 1)];
    return static_cast<uint8_t*>(at);
}

Result<uint8_t*> FilePages::make(uint64_t index, Space& space)
{
    if (index >= kMaxPages)
        return Error::no_space;
    // Deeper first, until the tree reaches `index`: the old root becomes slot 0 of a new one.
    while (index >= reach(m_depth)) {
        if (m_root) {
            void* up = TRY(new_page(space));
            static_cast<void**>(up)[0] = m_root;
            m_root = up;
        }
        m_depth++;
    }
    void** slot = &m_root;
    for (uint32_t level = m_depth; level > 0; level--) {
        if (!*slot)
            *slot = TRY(new_page(space));
        slot = &static_cast<void**>(*slot)[(index >> (kSlotBits * (level - 1))) & (reach(1) - 1)];
    }
    if (!*slot)
        *slot = TRY(new_page(space));
    return static_cast<uint8_t*>(*slot);
}

bool FilePages::free_below(void*& slot, uint32_t depth, uint64_t base, uint64_t first, Space& space)
{
    if (!slot)
        return true;
    if (depth == 0) {
        if (base < first)
            return false;
        free_page(slot, space);
        slot = nullptr;
        return true;
    }
    auto* slots = static_cast<void**>(slot);
    bool empty = true;
    for (uint64_t i = 0; i < reach(1); i++) {
        uint64_t child = base + i * reach(depth - 1);
        if (child + reach(depth - 1) <= first)
            empty = empty && !slots[i]; // wholly before `first`: kept
        else
            empty = free_below(slots[i], depth - 1, child, first, space) && empty;
    }
    if (empty) {
        free_page(slot, space);
        slot = nullptr;
    }
    return empty;
}

void FilePages::free_from(uint64_t first, Space& space)
{
    if (first >= reach(m_depth))
        return;
    free_below(m_root, m_depth, 0, first, space);
    // A root index with only its first slot used is a level too many: the file got shorter.
    while (m_root && m_depth > 0) {
        auto* slots = static_cast<void**>(m_root);
        bool only_first = true;
        for (uint64_t i = 1; i < reach(1) && only_first; i++)
            only_first = !slots[i];
        if (!only_first)
            break;
        void* below = slots[0];
        free_page(m_root, space);
        m_root = below;
        m_depth--;
    }
    if (!m_root)
        m_depth = 0;
}

} // namespace tmpfs
