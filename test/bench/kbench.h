// In-kernel benchmarks, declared with KBENCH(name) in test/bench/, which only
// the self-test kernel (build/mach-selftest.elf) links. It runs them when
// booted with `bench=all` (or `bench=<name>`), which `make bench` does under
//   qemu -icount shift=0,sleep=off
// There the guest's time stamp counter advances by exactly one per guest
// instruction, so TSC deltas are instruction counts: deterministic figures
// that do not depend on the host. Each bench prints lines
//   bench <name> <value> <unit>
// and the run ends with `bench: done`.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include <arch/x86_64/cpu.h>

namespace kern {

struct alignas(16) KBenchCase {
    const char* name;
    void (*run)();
};
static_assert(sizeof(KBenchCase) == 16);

// Runs the benches `selector` names ("all" or one name); returns how many
// ran (0: an unknown name).
int run_kbenches(const char* selector);

// Prints one figure of a bench.
void bench_report(const char* name, uint64_t value, const char* unit);

// Guest instructions per call of `operation`, averaged over `iterations`
// calls after one warm-up call, with interrupts off so that no timer tick
// is counted. The figure includes the loop's own few instructions.
template <typename Operation> uint64_t instructions_per_operation(uint64_t iterations, Operation operation)
{
    uint64_t flags = arch::save_and_disable_interrupts();
    operation();
    uint64_t start = arch::read_tsc();
    for (uint64_t i = 0; i < iterations; ++i)
        operation();
    uint64_t end = arch::read_tsc();
    arch::restore_interrupts(flags);
    return (end - start) / iterations;
}

} // namespace kern

#define KBENCH(name)                                                                                                   \
    static void kbench_##name();                                                                                       \
    [[gnu::used, gnu::section(".kbenches")]] static const kern::KBenchCase kbench_case_##name                          \
        = { #name, kbench_##name };                                                                                    \
    static void kbench_##name()
