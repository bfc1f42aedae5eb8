// The raw `syscall` instruction (see mach/include/mach/syscall.h for the
// convention): number in rax, arguments in rdi, rsi, rdx, r10, r8, r9; the
// kernel returns an Error in rax and clobbers rcx and r11.
#pragma once

#include <mach/error.h>
#include <mach/syscall.h>
#include <stdint.h>

namespace mach {

#ifdef PORTICO_HOST
// Host builds (unit tests): the host kernel (test/unit/support/host_kernel.cpp)
// carries the call out for the calling thread's task.
Error syscall6(uint64_t number, uint64_t a0 = 0, uint64_t a1 = 0, uint64_t a2 = 0, uint64_t a3 = 0, uint64_t a4 = 0,
    uint64_t a5 = 0);
#else
// Enters the kernel with call `number` and up to six arguments.
inline Error syscall6(uint64_t number, uint64_t a0 = 0, uint64_t a1 = 0, uint64_t a2 = 0, uint64_t a3 = 0,
    uint64_t a4 = 0, uint64_t a5 = 0)
{
    register uint64_t r10 asm("r10") = a3;
    register uint64_t r8 asm("r8") = a4;
    register uint64_t r9 asm("r9") = a5;
    uint64_t result;
    asm volatile("syscall"
                 : "=a"(result)
                 : "a"(number), "D"(a0), "S"(a1), "d"(a2), "r"(r10), "r"(r8), "r"(r9)
                 : "rcx", "r11", "memory");
    return static_cast<Error>(result);
}
#endif

inline Error syscall6(
    Syscall call, uint64_t a0 = 0, uint64_t a1 = 0, uint64_t a2 = 0, uint64_t a3 = 0, uint64_t a4 = 0, uint64_t a5 = 0)
{
    return syscall6(static_cast<uint64_t>(call), a0, a1, a2, a3, a4, a5);
}

} // namespace mach
