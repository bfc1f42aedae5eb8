build-dev/user/lib/heap/operator_new.o: lib/heap/operator_new.cpp \
 lib/heap/heap.h lib/base/result.h mach/include/mach/error.h \
 mach/kern/slab.h mach/kern/spinlock.h lib/mach/mach.h \
 mach/include/mach/message.h mach/include/mach/port.h \
 mach/include/mach/syscall.h lib/mach/syscall_stub.h lib/mach/print.h
lib/heap/heap.h:
lib/base/result.h:
mach/include/mach/error.h:
mach/kern/slab.h:
mach/kern/spinlock.h:
lib/mach/mach.h:
mach/include/mach/message.h:
mach/include/mach/port.h:
mach/include/mach/syscall.h:
lib/mach/syscall_stub.h:
lib/mach/print.h:
