build-dev/user/lib/heap/heap.o: lib/heap/heap.cpp lib/base/text.h \
 lib/heap/heap.h lib/base/result.h mach/include/mach/error.h \
 mach/kern/slab.h mach/kern/spinlock.h lib/mach/mach.h \
 mach/include/mach/message.h mach/include/mach/port.h \
 mach/include/mach/syscall.h lib/mach/syscall_stub.h
lib/base/text.h:
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
