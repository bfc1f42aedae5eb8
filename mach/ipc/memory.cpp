#include <ipc/memory.h>
#include <kern/assert.h>

namespace ipc {
namespace {

kern::PageProvider* g_pages = nullptr;
BlockAllocator* g_blocks = nullptr;
Statistics g_counters {};

} // namespace

void init(kern::PageProvider& pages, BlockAllocator& blocks)
{
    g_pages = &pages;
    g_blocks = &blocks;
}

Statistics statistics() { return g_counters; }

namespace memory {

BlockAllocator& blocks() { return *g_blocks; }
kern::PageProvider& pages() { return *g_pages; }
Statistics& counters() { return g_counters; }

} // namespace memory
} // namespace ipc
