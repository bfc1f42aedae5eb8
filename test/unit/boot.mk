# Host-compiled boot-time sources: the Multiboot2 parser and the kernel
# command line (test_multiboot2.cpp, test_cmdline.cpp).
UNIT_SRCS += mach/arch/x86_64/multiboot2.cpp mach/kern/cmdline.cpp
