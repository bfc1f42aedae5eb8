// Measuring in a bench boot: under qemu -icount the TSC counts guest
// instructions; each figure logs as "<program>: <name> <value> insn/op",
// which the kernel's bench runner reads as "bench <name> <value> insn/op".
#pragma once

#include <runtime/print.h>
#include <stdint.h>

namespace bench {

inline uint64_t read_tsc()
{
    uint32_t low, high;
    asm volatile("rdtsc" : "=a"(low), "=d"(high));
    return (uint64_t(high) << 32) | low;
}

// Runs `operation` a few times to warm up, then `rounds` times; reports instructions per round.
template <typename Operation> void measure(const char* name, uint64_t rounds, Operation operation)
{
    for (uint64_t i = 0; i < 10; ++i)
        operation();
    uint64_t start = read_tsc();
    for (uint64_t i = 0; i < rounds; ++i)
        operation();
    mach::Line() << name << " " << (read_tsc() - start) / rounds << " insn/op";
}

} // namespace bench
