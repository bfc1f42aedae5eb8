#include <freestanding/assert.h>
#include <freestanding/string.h>
#include <vm/heap.h>
#include <vm/memory_account.h>
#include <vm/page_index.h>

namespace vm {

PageIndex::PageIndex(size_t pages, MemoryAccount* account)
    : m_pages(pages)
    , m_levels(1)
    , m_account(account)
{
    // Enough levels that the root's slots cover every page.
    while (span_of_slot(m_levels) * kFanout < pages)
        ++m_levels;
}

size_t PageIndex::span_of_slot(unsigned level)
{
    size_t span = 1;
    for (unsigned i = 1; i < level; ++i)
        span *= kFanout;
    return span;
}

PhysAddr PageIndex::at(size_t index) const
{
    ASSERT(index < m_pages);
    const Node* node = m_root;
    for (unsigned level = m_levels; node; --level) {
        uint64_t slot = node->slots[(index / span_of_slot(level)) % kFanout];
        if (level == 1)
            return slot;
        node = reinterpret_cast<const Node*>(slot);
    }
    return 0;
}

Result<PageIndex::Node*> PageIndex::make_node()
{
    if (m_account)
        TRY(m_account->charge(kNodeBytes));
    Result<void*> memory = kern::heap_allocate(sizeof(Node));
    if (!memory.ok()) {
        if (m_account)
            m_account->uncharge(kNodeBytes);
        return memory.error();
    }
    memset(memory.value(), 0, sizeof(Node));
    ++m_nodes;
    return static_cast<Node*>(memory.value());
}

void PageIndex::free_node(Node* node, unsigned level)
{
    if (level > 1) {
        for (uint64_t slot : node->slots) {
            if (slot)
                free_node(reinterpret_cast<Node*>(slot), level - 1);
        }
    }
    kern::heap_free(node);
    --m_nodes;
    if (m_account)
        m_account->uncharge(kNodeBytes);
}

Result<void> PageIndex::set(size_t index, PhysAddr frame)
{
    ASSERT(index < m_pages && frame != 0);
    if (!m_root)
        m_root = TRY(make_node());
    Node* node = m_root;
    for (unsigned level = m_levels; level > 1; --level) {
        uint64_t& slot = node->slots[(index / span_of_slot(level)) % kFanout];
        if (!slot)
            slot = reinterpret_cast<uint64_t>(TRY(make_node()));
        node = reinterpret_cast<Node*>(slot);
    }
    uint64_t& leaf = node->slots[index % kFanout];
    ASSERT(leaf == 0);
    leaf = frame;
    return {};
}

} // namespace vm
