# The ports library (lib/ports), tested over the host kernel (test_ports.cpp).
UNIT_SRCS += $(sort $(wildcard lib/ports/*.cpp))
