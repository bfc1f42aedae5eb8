build-dev/user/lib/exec/execute.o: lib/exec/execute.cpp \
 lib/exec/arguments.h lib/base/result.h mach/include/mach/error.h \
 lib/exec/execute.h lib/exec/init_ports.h mach/include/mach/port.h \
 lib/rpc/wire.h mach/include/mach/message.h lib/fs/client.h \
 lib/interfaces/fs.h lib/interfaces/stat.h lib/interfaces/io.h \
 lib/heap/heap.h mach/kern/slab.h mach/kern/spinlock.h \
 lib/interfaces/exec.h lib/rpc/client.h lib/mach/mach.h \
 mach/include/mach/syscall.h lib/mach/syscall_stub.h lib/rpc/reply_port.h \
 lib/rpc/rights.h
lib/exec/arguments.h:
lib/base/result.h:
mach/include/mach/error.h:
lib/exec/execute.h:
lib/exec/init_ports.h:
mach/include/mach/port.h:
lib/rpc/wire.h:
mach/include/mach/message.h:
lib/fs/client.h:
lib/interfaces/fs.h:
lib/interfaces/stat.h:
lib/interfaces/io.h:
lib/heap/heap.h:
mach/kern/slab.h:
mach/kern/spinlock.h:
lib/interfaces/exec.h:
lib/rpc/client.h:
lib/mach/mach.h:
mach/include/mach/syscall.h:
lib/mach/syscall_stub.h:
lib/rpc/reply_port.h:
lib/rpc/rights.h:
