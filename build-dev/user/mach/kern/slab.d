build-dev/user/mach/kern/slab.o: mach/kern/slab.cpp mach/kern/assert.h \
 lib/mach/mach.h mach/include/mach/message.h mach/include/mach/port.h \
 mach/include/mach/syscall.h lib/mach/syscall_stub.h \
 mach/include/mach/error.h lib/mach/print.h mach/kern/slab.h \
 lib/base/result.h mach/kern/spinlock.h mach/vm/layout.h \
 mach/include/mach/user_layout.h
mach/kern/assert.h:
lib/mach/mach.h:
mach/include/mach/message.h:
mach/include/mach/port.h:
mach/include/mach/syscall.h:
lib/mach/syscall_stub.h:
mach/include/mach/error.h:
lib/mach/print.h:
mach/kern/slab.h:
lib/base/result.h:
mach/kern/spinlock.h:
mach/vm/layout.h:
mach/include/mach/user_layout.h:
