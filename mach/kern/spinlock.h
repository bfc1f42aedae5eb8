// A spin lock that also disables interrupts on this CPU while held, so that
// an interrupt handler can never deadlock against the code it interrupted.
// On the build host (unit tests) and in user space (PORTICO_USER: the slab
// caches of lib/heap) interrupts are not touched.
#pragma once

#include <stdint.h>

#if !defined(PORTICO_HOST) && !defined(PORTICO_USER)
#include <arch/x86_64/cpu.h>
#endif

namespace kern {

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

    bool is_locked() const { return __atomic_load_n(&m_locked, __ATOMIC_RELAXED); }

private:
#if defined(PORTICO_HOST) || defined(PORTICO_USER)
    static uint64_t save_and_disable_interrupts() { return 0; }
    static void restore_interrupts(uint64_t) {}
#else
    static uint64_t save_and_disable_interrupts() { return arch::save_and_disable_interrupts(); }
    static void restore_interrupts(uint64_t flags) { arch::restore_interrupts(flags); }
#endif
    bool m_locked = false;
};

// Holds a Spinlock for the lifetime of a scope.
class SpinlockGuard {
public:
    explicit SpinlockGuard(Spinlock& lock) : m_lock(lock), m_flags(lock.lock()) {}
    ~SpinlockGuard() { m_lock.unlock(m_flags); }
    SpinlockGuard(const SpinlockGuard&) = delete;
    SpinlockGuard& operator=(const SpinlockGuard&) = delete;

private:
    Spinlock& m_lock;
    uint64_t m_flags;
};

} // namespace kern
