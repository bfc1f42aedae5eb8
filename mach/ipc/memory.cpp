#include <freestanding/assert.h>
#include <ipc/memory.h>
#include <ipc/payload_record.h>

namespace ipc {
namespace {

freestanding::PageProvider* g_pages = nullptr;
BlockAllocator* g_blocks = nullptr;

} // namespace

void init(freestanding::PageProvider& pages, BlockAllocator& blocks)
{
    g_pages = &pages;
    g_blocks = &blocks;
}

Statistics statistics()
{
    Statistics counts = memory::g_counters;
    counts.payload_record_bytes = memory::cache<PayloadRecord>().stats().bytes;
    return counts;
}

namespace memory {

Statistics g_counters {};

BlockAllocator& blocks() { return *g_blocks; }
freestanding::PageProvider& pages() { return *g_pages; }

} // namespace memory
} // namespace ipc
