# Host-compiled IPC core (mach/ipc) and its test support, for test_ipc_*.cpp
# and the fuzzer (make/fuzz.mk).
IPC_CORE_SRCS := $(sort $(wildcard mach/ipc/*.cpp))
UNIT_SRCS += $(IPC_CORE_SRCS) test/unit/support/ipc_world.cpp test/unit/support/ipc_message.cpp
