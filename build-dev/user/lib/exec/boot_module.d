build-dev/user/lib/exec/boot_module.o: lib/exec/boot_module.cpp \
 lib/exec/boot_module.h lib/base/result.h mach/include/mach/error.h \
 lib/heap/heap.h mach/kern/slab.h mach/kern/spinlock.h \
 lib/mach/kernel_call.h mach/include/mach/kernel_objects.h \
 mach/include/mach/message.h mach/include/mach/port.h lib/mach/mach.h \
 mach/include/mach/syscall.h lib/mach/syscall_stub.h
lib/exec/boot_module.h:
lib/base/result.h:
mach/include/mach/error.h:
lib/heap/heap.h:
mach/kern/slab.h:
mach/kern/spinlock.h:
lib/mach/kernel_call.h:
mach/include/mach/kernel_objects.h:
mach/include/mach/message.h:
mach/include/mach/port.h:
lib/mach/mach.h:
mach/include/mach/syscall.h:
lib/mach/syscall_stub.h:
