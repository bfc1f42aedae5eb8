// Account: what one task's messages in flight cost the kernel. Every
// message a task sends is charged to its account until it is received or
// destroyed; past the limit, sending fails with no_space. So a task that
// fills queue after queue exhausts its own quota, not the kernel's memory.
// Kernel messages (notifications, replies from kernel objects) are not
// charged: they are bounded by the rights that cause them.
//
// Ownership: reference counted — the task's name space holds one
// reference, each charged message another, so an account outlives a task
// whose messages are still queued somewhere.
#pragma once

#include <freestanding/result.h>
#include <stddef.h>
#include <stdint.h>

namespace ipc {

class Account {
public:
    static constexpr const char* kCacheName = "ipc.account";
    // Bytes of messages in flight a task may have by default.
    static constexpr uint64_t kDefaultLimit = 8ull << 20;

    static Result<Account*> create();

    // Charges `bytes` (and takes a reference), or no_space past the limit.
    Result<void> charge(uint64_t bytes);
    // Gives back a charge (and its reference).
    void uncharge(uint64_t bytes);

    void reference() { m_references++; }
    void release();

    uint64_t in_flight() const { return m_bytes; }
    uint64_t limit() const { return m_limit; }
    void set_limit(uint64_t limit) { m_limit = limit; }

private:
    uint64_t m_bytes = 0;
    uint64_t m_limit = kDefaultLimit;
    uint32_t m_references = 1;
};

} // namespace ipc
