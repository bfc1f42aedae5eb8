// A spin lock. In the kernel it also disables interrupts on this CPU while
// held, so that an interrupt handler can never deadlock against the code it
// interrupted; user space and host unit tests take no interrupts (see
// interrupts.h).
#pragma once

#include <freestanding/interrupts.h>
#include <stdint.h>

namespace freestanding {

class Spinlock {
public:
    constexpr Spinlock() = default;
    Spinlock(const Spinlock&) = delete;
    Spinlock& operator=(const Spinlock&) = delete;

    // Returns the interrupt state to hand back to unlock().
    uint64_t lock()
    {
        uint64_t flags = save_and_disable_interrupts();
        while (__atomic_test_and_set(&m_locked, __ATOMIC_ACQUIRE))
            __builtin_ia32_pause();
        return flags;
    }

    void unlock(uint64_t flags)
    {
        __atomic_clear(&m_locked, __ATOMIC_RELEASE);
        restore_interrupts(flags);
    }

private:
    bool m_locked = false;
};

// Holds a Spinlock for the lifetime of a scope.
class SpinlockGuard {
public:
    explicit SpinlockGuard(Spinlock& lock)
        : m_lock(lock)
        , m_flags(lock.lock())
    {
    }
    ~SpinlockGuard() { m_lock.unlock(m_flags); }
    SpinlockGuard(const SpinlockGuard&) = delete;
    SpinlockGuard& operator=(const SpinlockGuard&) = delete;

private:
    Spinlock& m_lock;
    uint64_t m_flags;
};

} // namespace freestanding
