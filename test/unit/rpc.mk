# The typed RPC library (lib/rpc), tested over the host kernel (test_rpc.cpp).
UNIT_SRCS += $(sort $(wildcard lib/rpc/*.cpp)) lib/runtime/thread.cpp lib/runtime/lock.cpp
