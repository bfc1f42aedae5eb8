// The interrupt state a spin lock saves and restores. Only the kernel (its
// objects are compiled with PORTICO_KERNEL) can and must disable interrupts:
// in user space `cli` faults, and user space and the build host take no
// interrupts, so there these do nothing. Inline, because every slab
// allocation and free takes a lock (an out-of-line call cost the kernel's
// slab_alloc_free bench 13%).
#pragma once

#include <stdint.h>

namespace freestanding {

// RFLAGS.IF: interrupts were enabled.
constexpr uint64_t kInterruptsEnabledFlag = 1u << 9;

// Disables interrupts on this CPU; returns the previous state for
// restore_interrupts(). Returns 0 and does nothing outside the kernel.
inline uint64_t save_and_disable_interrupts()
{
#if defined(PORTICO_KERNEL)
    uint64_t flags;
    asm volatile("pushfq; popq %0; cli" : "=r"(flags) : : "memory");
    return flags;
#else
    return 0;
#endif
}

// Enables interrupts again if the state save_and_disable_interrupts()
// returned says they were enabled.
inline void restore_interrupts(uint64_t flags)
{
#if defined(PORTICO_KERNEL)
    if (flags & kInterruptsEnabledFlag)
        asm volatile("sti" ::: "memory");
#else
    (void)flags;
#endif
}

} // namespace freestanding
