# The freestanding code shared by the kernel and user space (freestanding/),
# for test_slab.cpp, test_elf_image.cpp, test_initial_stack.cpp and the kernel
# sources that use it, and the hooks it asks of the host (assertions abort).
UNIT_SRCS += $(filter-out freestanding/string.cpp,$(wildcard freestanding/*.cpp)) test/unit/support/freestanding_hooks.cpp
