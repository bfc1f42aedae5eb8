# The fuzz targets (test/fuzz), built with g++ into the unit tests and run
# on a bounded number of seeded inputs by test_fuzz_bounded.cpp; `make fuzz`
# (make/fuzz.mk) runs the same targets under libFuzzer. What they test
# (the IPC core, lib/rpc, ...) comes with the other test/unit/*.mk.
UNIT_SRCS += $(sort $(wildcard test/fuzz/*.cpp))
