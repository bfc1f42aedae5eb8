# Fuzz targets (test/fuzz/*_fuzz.cpp; test/fuzz/fuzz_target.h says how they
# are built), with clang's libFuzzer. `make check` runs a bounded number of
# seeded inputs through the same targets, built with g++ into the unit tests
# (test/unit/fuzz.mk); this is the open-ended run:
#   make fuzz                 builds the fuzzers and runs each for FUZZ_SECONDS
#   make fuzz FUZZ_SECONDS=600
#   make fuzz FUZZ_TARGETS=ipc  only those
FUZZ_CXX ?= clang++
FUZZ_SECONDS ?= 60
FUZZ_CXXFLAGS := -std=c++20 -DPORTICO_HOST -DPORTICO_LIBFUZZER -g -O1 -fsanitize=fuzzer,address,undefined \
	-fno-sanitize-recover=all -Imach -Imach/include -Ifreestanding/include -Ilib -Itest/unit -isystem $(CATCH2_INCLUDE)

# What every fuzzer links: the target glue, and the freestanding hooks.
FUZZ_COMMON_SRCS := test/fuzz/fuzz_target.cpp test/unit/support/freestanding_hooks.cpp
FUZZ_IPC_CORE_SRCS := $(sort $(wildcard mach/ipc/*.cpp)) freestanding/slab.cpp test/unit/support/ipc_message.cpp

# The IPC core alone.
FUZZ_SRCS_ipc := test/fuzz/ipc_fuzz.cpp $(FUZZ_IPC_CORE_SRCS)
# lib/rpc's server side over the host kernel.
FUZZ_SRCS_rpc := test/fuzz/rpc_fuzz.cpp $(FUZZ_IPC_CORE_SRCS) $(sort $(wildcard lib/rpc/*.cpp)) \
	test/unit/support/host_kernel.cpp test/unit/support/ipc_world.cpp lib/runtime/print.cpp \
	test/fuzz/libfuzzer/catch_session.cpp
# Path parsing (lib/fs_server/path.h).
FUZZ_SRCS_path := test/fuzz/path_fuzz.cpp

FUZZ_TARGETS ?= ipc rpc path

# $(call fuzzer_rule,<name>): build/fuzz/<name>_fuzz from FUZZ_SRCS_<name>.
define fuzzer_rule
$(BUILD)/fuzz/$(1)_fuzz: $(FUZZ_COMMON_SRCS) $(FUZZ_SRCS_$(1)) $(wildcard test/fuzz/*.h mach/ipc/*.h test/unit/support/*.h lib/rpc/*.h)
	@mkdir -p $$(@D) $(BUILD)/fuzz/$(1)_corpus
	$(FUZZ_CXX) $(FUZZ_CXXFLAGS) $(FUZZ_COMMON_SRCS) $(FUZZ_SRCS_$(1)) -o $$@
endef
$(foreach target,$(FUZZ_TARGETS),$(eval $(call fuzzer_rule,$(target))))

# -rss_limit_mb: a run that needs more is a finding (memory must stay bounded).
.PHONY: fuzz
fuzz: $(FUZZ_TARGETS:%=$(BUILD)/fuzz/%_fuzz)
	set -e; for target in $(FUZZ_TARGETS); do \
		$(BUILD)/fuzz/$${target}_fuzz -max_total_time=$(FUZZ_SECONDS) -max_len=4096 -rss_limit_mb=512 \
			-artifact_prefix=$(BUILD)/fuzz/$${target}- \
			-print_final_stats=1 $(BUILD)/fuzz/$${target}_corpus; \
	done

# The in-guest message fuzzer (test/programs/portfuzz.cpp, test/system/test_fuzz.py)
# with FUZZ_GUEST_COUNT messages; `make check` sends fewer.
FUZZ_GUEST_COUNT ?= 1000000
FUZZ_GUEST_SEED ?= 13
.PHONY: fuzz-guest
fuzz-guest: $(BUILD)/portico-test.iso
	PORTICO_FUZZ_GUEST_COUNT=$(FUZZ_GUEST_COUNT) PORTICO_FUZZ_GUEST_SEED=$(FUZZ_GUEST_SEED) \
		$(PYTHON) test/check.py --build $(BUILD) --qemu $(QEMU) --ovmf-code $(OVMF_CODE) --ovmf-vars $(OVMF_VARS) \
		--no-unit --only test_fuzz
