build-dev/user/mach/kern/elf_image.o: mach/kern/elf_image.cpp \
 mach/kern/elf_image.h lib/base/result.h mach/include/mach/error.h \
 mach/kern/string.h
mach/kern/elf_image.h:
lib/base/result.h:
mach/include/mach/error.h:
mach/kern/string.h:
