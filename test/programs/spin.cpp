// A CPU-bound task that never yields and computes with doubles and SSE
// registers, checking its results: run two at once to see preemption and
// per-thread FPU state. argv[1] is a seed, argv[2] the number of rounds.
#include <runtime/mach.h>
#include <runtime/print.h>
#include <stdint.h>

namespace {

uint64_t parse(const char* text)
{
    uint64_t value = 0;
    while (*text >= '0' && *text <= '9')
        value = value * 10 + uint64_t(*text++ - '0');
    return value;
}

// Sums seed/1 + seed/2 + ... keeping partial sums live in SSE registers
// across the preemptions that happen during the loop.
double harmonic(double seed, int terms)
{
    double sum = 0;
    for (int i = 1; i <= terms; ++i)
        sum += seed / double(i);
    return sum;
}

} // namespace

int main(int argc, char** argv, char**)
{
    uint64_t seed = argc > 1 ? parse(argv[1]) : 1;
    uint64_t rounds = argc > 2 ? parse(argv[2]) : 20;
    const double expected = harmonic(double(seed), 200000);
    uint64_t mismatches = 0;
    for (uint64_t round = 1; round <= rounds; ++round) {
        if (harmonic(double(seed), 200000) != expected)
            ++mismatches;
        mach::Line() << "spin " << seed << " round " << round << " mismatches " << mismatches;
    }
    mach::Line() << "spin " << seed << (mismatches ? " FAILED" : " done");
    return mismatches ? 1 : 0;
}
