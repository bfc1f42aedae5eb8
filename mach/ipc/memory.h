// Where the IPC core gets its memory, and its object counts.
//
// Fixed-size objects (ports, port sets, payload records, name spaces,
// dead-name requests) come from slab caches over a PageProvider; variable
// blocks (messages, name tables) from a BlockAllocator. The kernel passes
// its slab page provider and heap; host tests and the fuzzer pass malloc.
#pragma once

#include <freestanding/result.h>
#include <freestanding/slab.h>
#include <kern/never_destroyed.h>
#include <stddef.h>
#include <stdint.h>

namespace ipc {

class BlockAllocator {
public:
    // At least `size` bytes, 16-byte aligned, or no_memory.
    virtual Result<void*> allocate(size_t size) = 0;
    // Returns a block from allocate().
    virtual void free(void* block) = 0;
    // What a block of `size` bytes really takes (the allocator rounds up).
    virtual size_t footprint(size_t size) const = 0;

protected:
    ~BlockAllocator() = default;
};

// Sets up the caches. Called once (the kernel at boot; host tests once per process).
void init(freestanding::PageProvider& pages, BlockAllocator& blocks);

// Live IPC objects, for leak checks ("object counts return to the baseline").
struct Statistics {
    size_t ports;
    size_t port_sets;
    size_t payload_records;
    size_t messages; // queued or in flight
    size_t name_spaces;
    size_t names; // names in use over all name spaces
    size_t dead_name_requests;
    size_t accounts; // one per name space, kept while its messages are in flight
    size_t message_bytes; // bytes of the live messages
    size_t notifications_lost; // since boot: a notification that could not be allocated
    size_t replies_dropped; // since boot: replies whose receiver's account was exhausted (message.h)
    size_t name_table_bytes; // what the name spaces' tables take, as allocated
    size_t payload_record_bytes; // the pages of the payload records' slab cache
};

Statistics statistics();

// Internal: the caches and counters behind the objects' create/destroy.
namespace memory {

BlockAllocator& blocks();
freestanding::PageProvider& pages();
extern Statistics g_counters;
inline Statistics& counters() { return g_counters; }

// The slab cache of one kind of IPC object, named by T::kCacheName; made on first use (after init).
template <typename T> freestanding::ObjectCache<T>& cache()
{
    static kern::NeverDestroyed<freestanding::ObjectCache<T>> instance(T::kCacheName, pages());
    return instance.get();
}

} // namespace memory
} // namespace ipc
