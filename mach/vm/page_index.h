// PageIndex: the frames of a memory object by page number, as a radix tree
// of small nodes that exist only above pages that are present. An object of
// 256 MiB with nothing in it costs one empty root pointer, not a table of
// 65,536 entries: the kernel memory an object takes grows with the pages it
// holds, never with the size it claims.
//
// Nodes come from the kernel heap and are charged to a MemoryAccount (the
// object's creator), so a task that fills object after object meets its own
// limit. Ownership: owned by its MemoryObject; clear() frees every node.
#pragma once

#include <freestanding/result.h>
#include <stddef.h>
#include <stdint.h>
#include <vm/layout.h>

namespace vm {

class MemoryAccount;

class PageIndex {
public:
    // Slots a node holds: a leaf covers 64 pages, each level above 64 times more.
    static constexpr size_t kFanout = 64;
    static constexpr size_t kNodeBytes = kFanout * sizeof(uint64_t);

    // An empty index of `pages` pages whose nodes are charged to `account`
    // (null: the kernel's own object, not charged).
    PageIndex(size_t pages, MemoryAccount* account);
    PageIndex(const PageIndex&) = delete;
    PageIndex& operator=(const PageIndex&) = delete;

    // The frame of page `index`, or 0 if none was set.
    PhysAddr at(size_t index) const;

    // Puts `frame` (non-zero) at page `index`, which must be absent, making
    // the nodes on the way. no_space past the account's limit, no_memory
    // without heap: nothing is set then (nodes made on the way stay, empty,
    // until clear()).
    Result<void> set(size_t index, PhysAddr frame);

    // Calls visit(index, frame) for each present page of [first, end), in order.
    template <typename Visit> void for_each(size_t first, size_t end, Visit visit) const
    {
        if (m_root && first < end)
            visit_node(m_root, m_levels, 0, first, end, visit);
    }

    // Calls drop(frame) for every present page, then frees every node.
    template <typename Drop> void clear(Drop drop)
    {
        for_each(0, m_pages, [&](size_t, PhysAddr frame) { drop(frame); });
        if (m_root)
            free_node(m_root, m_levels);
        m_root = nullptr;
    }

    // The bytes of kernel heap the nodes take now.
    uint64_t node_bytes() const { return m_nodes * kNodeBytes; }

private:
    struct Node {
        uint64_t slots[kFanout]; // inner nodes: Node*; leaves: PhysAddr
    };

    // Pages one slot of a node at `level` covers (level 1: the leaves).
    static size_t span_of_slot(unsigned level);
    Result<Node*> make_node();
    void free_node(Node* node, unsigned level);

    template <typename Visit>
    static void visit_node(const Node* node, unsigned level, size_t base, size_t first, size_t end, Visit& visit)
    {
        size_t span = span_of_slot(level);
        for (size_t slot = 0; slot < kFanout; ++slot) {
            size_t from = base + slot * span;
            if (from >= end)
                return;
            if (from + span <= first || !node->slots[slot])
                continue;
            if (level == 1)
                visit(from, PhysAddr(node->slots[slot]));
            else
                visit_node(reinterpret_cast<const Node*>(node->slots[slot]), level - 1, from, first, end, visit);
        }
    }

    size_t m_pages;
    unsigned m_levels; // 1: the root is a leaf
    Node* m_root = nullptr;
    size_t m_nodes = 0;
    MemoryAccount* m_account;
};

} // namespace vm
