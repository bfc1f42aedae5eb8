build-dev/user/lib/fs/client.o: lib/fs/client.cpp lib/fs/client.h \
 lib/base/result.h mach/include/mach/error.h lib/interfaces/fs.h \
 lib/interfaces/stat.h lib/rpc/wire.h mach/include/mach/message.h \
 mach/include/mach/port.h lib/interfaces/io.h lib/heap/heap.h \
 mach/kern/slab.h mach/kern/spinlock.h lib/interfaces/auth.h \
 lib/interfaces/fsys.h lib/mach/mach.h mach/include/mach/syscall.h \
 lib/mach/syscall_stub.h lib/rpc/client.h lib/rpc/reply_port.h \
 lib/rpc/rights.h
lib/fs/client.h:
lib/base/result.h:
mach/include/mach/error.h:
lib/interfaces/fs.h:
lib/interfaces/stat.h:
lib/rpc/wire.h:
mach/include/mach/message.h:
mach/include/mach/port.h:
lib/interfaces/io.h:
lib/heap/heap.h:
mach/kern/slab.h:
mach/kern/spinlock.h:
lib/interfaces/auth.h:
lib/interfaces/fsys.h:
lib/mach/mach.h:
mach/include/mach/syscall.h:
lib/mach/syscall_stub.h:
lib/rpc/client.h:
lib/rpc/reply_port.h:
lib/rpc/rights.h:
