build-dev/user/mach/kern/initial_stack.o: mach/kern/initial_stack.cpp \
 mach/kern/initial_stack.h lib/base/result.h mach/include/mach/error.h \
 mach/kern/elf_image.h mach/kern/string.h
mach/kern/initial_stack.h:
lib/base/result.h:
mach/include/mach/error.h:
mach/kern/elf_image.h:
mach/kern/string.h:
