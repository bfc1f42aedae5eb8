// make check's share of fuzzing: each fuzz target (test/fuzz) on a bounded
// number of inputs from a fixed seed, with the unit tests' sanitizers. A
// target aborts on a broken invariant, so a finding ends the unit tests with
// the target's message on standard error; `make fuzz` runs them open-ended.
#include <catch.hpp>

#include "../fuzz/fuzz_bounded.h"

namespace {

constexpr uint64_t kSeed = 0x5eed'0013;

void run_target(const char* name, size_t count)
{
    const fuzz::Target* target = fuzz::find_target(name);
    REQUIRE(target != nullptr);
    CHECK(fuzz::run_bounded(*target, kSeed, count) == count);
}

} // namespace

TEST_CASE("fuzz: the IPC core, 20000 seeded programs of port calls") { run_target("ipc", 20000); }

TEST_CASE("fuzz: lib/rpc's decoding and dispatch, 5000 seeded requests") { run_target("rpc", 5000); }

TEST_CASE("fuzz: path parsing, 20000 seeded paths") { run_target("path", 20000); }
