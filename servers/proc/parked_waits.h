// Waits that found no ended child yet: each keeps its caller's reply right
// (rpc::Deferred) until a matching child ends, the last matching child
// goes (ECHILD), or the waiter itself ends. Answered in the order they
// came, so when several waits of one parent are parked the first that
// matches an ended child takes it.
//
// Bounded: at most kMaxWaits parked at once (proc refuses more with no_space).
#pragma once

#include <interfaces/proc.h>
#include <rpc/server.h>

#include "process_table.h"

namespace proc {

class ParkedWaits {
public:
    static constexpr uint32_t kMaxWaits = 256;

    bool full() const { return m_count == kMaxWaits; }
    uint32_t count() const { return m_count; }

    // Parks a wait of `waiter` for `pid` (Wait's meaning); the queue must not be full.
    void park(Process& waiter, int32_t pid, rpc::Deferred<Wait> reply);
    // Answers each parked wait of `waiter` that `table` can answer now: an
    // ended child (reaped), or not_found once no child matches.
    void settle(ProcessTable& table, Process& waiter);
    // Gives up the waits of `waiter` (it ended: nobody is left to answer).
    void drop(Process& waiter);

private:
    struct Parked {
        Process* waiter = nullptr;
        int32_t pid = 0;
        rpc::Deferred<Wait> reply;
    };
    // Removes entry `index`, keeping the others in order.
    void remove(uint32_t index);

    Parked m_waits[kMaxWaits];
    uint32_t m_count = 0;
};

} // namespace proc
