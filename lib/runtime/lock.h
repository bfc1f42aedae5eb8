// A mutual-exclusion lock for the threads of one task that may be held
// across a blocking call: a thread that finds it taken sleeps in the
// kernel (a receive on the lock's port) instead of spinning, so a holder
// blocked in an RPC costs the waiters no CPU. Untaken, lock and unlock are
// one atomic operation each; the port is made at the first contention.
//
// How: a count of holders and waiters. Whoever raises it from 0 holds the
// lock; anyone else waits for a token message on the port. An unlock that
// leaves waiters behind sends one token, and the waiter that takes it
// holds the lock next (a token sent before its waiter reached the port
// waits there for it).
#pragma once

#include <mach/port.h>
#include <stdint.h>

namespace runtime {

class Lock {
public:
    Lock() = default;
    ~Lock();
    Lock(const Lock&) = delete;
    Lock& operator=(const Lock&) = delete;

    void lock();
    void unlock();

private:
    // The port waiters sleep on, made once (by whichever contender comes first).
    bool ensure_port();
    void wait_for_token();
    void send_token();

    uint32_t m_count = 0; // the holder and the waiters
    uint32_t m_port_state = 0; // kNoPort, kMaking, kReady
    mach::PortName m_port = mach::kNullName; // the receive right
    mach::PortName m_send = mach::kNullName; // a send right to it
};

// Holds a Lock for a scope.
class Locked {
public:
    explicit Locked(Lock& lock)
        : m_lock(lock)
    {
        m_lock.lock();
    }
    ~Locked() { m_lock.unlock(); }
    Locked(const Locked&) = delete;
    Locked& operator=(const Locked&) = delete;

private:
    Lock& m_lock;
};

// Lets a Lock go for a scope (around a call that may block for long:
// a call to a port a client controls), and takes it again.
class Unlocked {
public:
    explicit Unlocked(Lock& lock)
        : m_lock(lock)
    {
        m_lock.unlock();
    }
    ~Unlocked() { m_lock.lock(); }
    Unlocked(const Unlocked&) = delete;
    Unlocked& operator=(const Unlocked&) = delete;

private:
    Lock& m_lock;
};

} // namespace runtime
