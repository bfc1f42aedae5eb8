# Host-compiled kernel sources used by test_format.cpp and friends.
UNIT_SRCS += mach/debug/format.cpp mach/kern/calendar.cpp
