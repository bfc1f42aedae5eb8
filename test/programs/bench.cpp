// User-mode benchmarks, run in a bench boot (module named "bench", so each
// line logs as "bench: <name> <value> <unit>"). Under qemu -icount the TSC
// counts guest instructions.
#include <mach/mach.h>
#include <mach/print.h>
#include <mach/syscall_stub.h>
#include <stdint.h>

namespace {

inline uint64_t read_tsc()
{
    uint32_t low, high;
    asm volatile("rdtsc" : "=a"(low), "=d"(high));
    return (uint64_t(high) << 32) | low;
}

constexpr uint64_t kRounds = 10000;
constexpr uint64_t kUnusedCall = 63; // rejected at once: the bare entry and exit

} // namespace

int main(int, char**, char**)
{
    for (uint64_t i = 0; i < 100; ++i)
        (void)mach::syscall6(kUnusedCall);
    uint64_t start = read_tsc();
    for (uint64_t i = 0; i < kRounds; ++i)
        (void)mach::syscall6(kUnusedCall);
    uint64_t per_call = (read_tsc() - start) / kRounds;
    mach::Line() << "null_syscall " << per_call << " insn/op";
    return 0;
}
