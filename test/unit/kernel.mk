# Host-compiled kernel sources used by test_format.cpp and friends.
UNIT_SRCS += mach/kern/format.cpp mach/kern/calendar.cpp
