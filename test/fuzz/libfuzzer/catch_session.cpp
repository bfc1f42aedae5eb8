// Catch2's implementation without its main, for the libFuzzer builds of
// targets that run over the host kernel (test/unit/support/host_kernel.h):
// its IpcWorld checks with Catch's macros when a bounded run ends, which a
// libFuzzer run never does, but the symbols must be there.
#define CATCH_CONFIG_RUNNER
#include <catch.hpp>
