# The host kernel: lib/runtime/mach.h's system calls over the IPC core, for
# host tests of user-space code (test_host_kernel.cpp, test_rpc.cpp, ...).
UNIT_SRCS += test/unit/support/host_kernel.cpp lib/runtime/print.cpp
