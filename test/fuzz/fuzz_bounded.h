// Bounded fuzzing without libFuzzer (make check builds with g++ only): a
// seeded generator makes inputs, fresh or mutated from earlier ones, and
// runs a target on each. The same seed gives the same inputs, so a failure
// is reproduced by running the test again.
#pragma once

#include "fuzz_target.h"

#include <stddef.h>
#include <stdint.h>

namespace fuzz {

// The registered target called `name`, or null.
const Target* find_target(const char* name);

// Runs `target` on `count` inputs made from `seed` (start, the inputs,
// finish). Returns how many inputs ran (count, unless a target aborted).
size_t run_bounded(const Target& target, uint64_t seed, size_t count);

} // namespace fuzz
