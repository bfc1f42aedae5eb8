build-dev/user/lib/exec/spawn.o: lib/exec/spawn.cpp lib/exec/spawn.h \
 lib/base/result.h mach/include/mach/error.h mach/include/mach/message.h \
 mach/include/mach/port.h mach/kern/elf_image.h mach/kern/initial_stack.h \
 lib/mach/kernel_call.h mach/include/mach/kernel_objects.h \
 lib/mach/mach.h mach/include/mach/syscall.h lib/mach/syscall_stub.h \
 mach/include/mach/user_layout.h
lib/exec/spawn.h:
lib/base/result.h:
mach/include/mach/error.h:
mach/include/mach/message.h:
mach/include/mach/port.h:
mach/kern/elf_image.h:
mach/kern/initial_stack.h:
lib/mach/kernel_call.h:
mach/include/mach/kernel_objects.h:
lib/mach/mach.h:
mach/include/mach/syscall.h:
lib/mach/syscall_stub.h:
mach/include/mach/user_layout.h:
