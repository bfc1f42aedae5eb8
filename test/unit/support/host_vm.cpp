// What the host-compiled address spaces need of the kernel's own memory:
// the kernel's page tables (an empty tree: the host has no kernel half) and
// the CPU's page flags (all supported). The frame allocator and the heap
// are the real ones, over fake RAM (test_address_space_model.cpp).
#include <vm/frame_allocator.h>
#include <vm/kernel_space.h>
#include <vm/page_table.h>

namespace vm {

PageTable& kernel_page_table()
{
    static PageTable table = PageTable::create(frame_allocator(), frame_allocator().window()).release_value();
    return table;
}

PageFlags supported_page_flags(PageFlags flags) { return flags; }

} // namespace vm
