// MemoryAccount: the kernel memory one task's virtual memory costs — the
// metadata of its regions, its page tables, the memory objects and
// out-of-line snapshots it creates (their page indexes), and how many
// such objects it holds.
// Whoever creates the metadata is charged for it until it is freed, so a
// task that creates object after object (or sends snapshot after snapshot)
// runs into its own limit (no_space) while every other task goes on.
//
// Ownership: reference counted — the task's address space holds one
// reference, each memory object it created another, so the account lives
// as long as anything charged to it (an object may outlive its creator).
// Concurrency: FIXME(SMP): single CPU, interrupts off.
#pragma once

#include <freestanding/result.h>
#include <stddef.h>
#include <stdint.h>

namespace vm {

class MemoryAccount {
public:
    // Kernel metadata bytes a task may cause by default (region tables,
    // page tables, page indexes of its objects and snapshots).
    static constexpr uint64_t kDefaultByteLimit = 16ull << 20;
    // Memory objects (shared memory, snapshots in flight) a task may have
    // created and not yet seen freed.
    static constexpr uint32_t kDefaultObjectLimit = 4096;

    static Result<MemoryAccount*> create();

    // Charges `bytes` of metadata, or no_space past the limit.
    Result<void> charge(uint64_t bytes);
    void uncharge(uint64_t bytes);

    // Counts one more object (and takes a reference), or no_space past the limit.
    Result<void> add_object();
    // One object fewer (and its reference given back).
    void remove_object();

    void reference() { m_references++; }
    void release();

    uint64_t bytes() const { return m_bytes; }
    uint32_t objects() const { return m_objects; }
    void set_limits(uint64_t bytes, uint32_t objects)
    {
        m_byte_limit = bytes;
        m_object_limit = objects;
    }

    // Live accounts (for leak checks).
    static size_t live_count();

private:
    uint64_t m_bytes = 0;
    uint64_t m_byte_limit = kDefaultByteLimit;
    uint32_t m_objects = 0;
    uint32_t m_object_limit = kDefaultObjectLimit;
    uint32_t m_references = 1;
};

} // namespace vm
