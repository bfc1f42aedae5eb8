# The proc server (servers/proc): its ProcessTable alone, and its RPC side
# over the host kernel (test_proc.cpp). main.cpp is the program's, not tested here.
UNIT_SRCS += $(filter-out servers/proc/main.cpp,$(sort $(wildcard servers/proc/*.cpp)))
