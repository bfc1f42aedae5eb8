build-dev/user/lib/fs/node.o: lib/fs/node.cpp lib/fs/node.h \
 lib/interfaces/fs.h lib/interfaces/stat.h lib/rpc/wire.h \
 mach/include/mach/message.h mach/include/mach/port.h lib/interfaces/io.h \
 mach/include/mach/error.h lib/heap/heap.h lib/base/result.h \
 mach/kern/slab.h mach/kern/spinlock.h lib/mach/mach.h \
 mach/include/mach/syscall.h lib/mach/syscall_stub.h
lib/fs/node.h:
lib/interfaces/fs.h:
lib/interfaces/stat.h:
lib/rpc/wire.h:
mach/include/mach/message.h:
mach/include/mach/port.h:
lib/interfaces/io.h:
mach/include/mach/error.h:
lib/heap/heap.h:
lib/base/result.h:
mach/kern/slab.h:
mach/kern/spinlock.h:
lib/mach/mach.h:
mach/include/mach/syscall.h:
lib/mach/syscall_stub.h:
