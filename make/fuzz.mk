# libFuzzer targets, built with clang (FUZZ_CXX from config.mk). Not part
# of `make check`, which needs only g++:
#   make fuzz                 builds the fuzzers and runs each for FUZZ_SECONDS
#   make fuzz FUZZ_SECONDS=600
FUZZ_CXX ?= clang++
FUZZ_SECONDS ?= 60
FUZZ_CXXFLAGS := -std=c++20 -DPORTICO_HOST -g -O1 -fsanitize=fuzzer,address,undefined \
	-fno-sanitize-recover=all -Imach -Imach/include -Ifreestanding/include -Ilib -Itest/unit

IPC_FUZZ_SRCS = test/fuzz/ipc_fuzz.cpp test/unit/support/ipc_message.cpp $(sort $(wildcard mach/ipc/*.cpp)) \
	freestanding/slab.cpp test/unit/support/freestanding_hooks.cpp

$(BUILD)/fuzz/ipc_fuzz: $(IPC_FUZZ_SRCS) $(wildcard mach/ipc/*.h) test/unit/support/ipc_world.h
	@mkdir -p $(@D) $(BUILD)/fuzz/ipc_corpus
	$(FUZZ_CXX) $(FUZZ_CXXFLAGS) $(IPC_FUZZ_SRCS) -o $@

.PHONY: fuzz
fuzz: $(BUILD)/fuzz/ipc_fuzz
	$< -max_total_time=$(FUZZ_SECONDS) -max_len=4096 -print_final_stats=1 $(BUILD)/fuzz/ipc_corpus
