# The user-space heap (lib/heap), tested over the host kernel (test_heap_user.cpp).
UNIT_SRCS += $(sort $(wildcard lib/heap/*.cpp))
