# Host-compiled program-loading sources: the ELF reader and the initial
# stack builder (test_elf_image.cpp, test_initial_stack.cpp).
UNIT_SRCS += mach/kern/elf_image.cpp mach/kern/initial_stack.cpp
