build-dev/user/lib/fs/translator.o: lib/fs/translator.cpp \
 lib/exec/init_ports.h lib/base/result.h mach/include/mach/error.h \
 mach/include/mach/port.h lib/rpc/wire.h mach/include/mach/message.h \
 lib/fs/control.h lib/fs/file_system.h lib/fs/node.h lib/interfaces/fs.h \
 lib/interfaces/stat.h lib/interfaces/io.h lib/fs/parked.h \
 lib/ports/server.h lib/ports/receiver.h lib/rpc/server.h \
 lib/rpc/rights.h lib/heap/heap.h mach/kern/slab.h mach/kern/spinlock.h \
 lib/interfaces/auth.h lib/interfaces/fsys.h lib/fs/translator.h \
 lib/mach/mach.h mach/include/mach/syscall.h lib/mach/syscall_stub.h \
 lib/mach/print.h lib/rpc/client.h lib/rpc/reply_port.h
lib/exec/init_ports.h:
lib/base/result.h:
mach/include/mach/error.h:
mach/include/mach/port.h:
lib/rpc/wire.h:
mach/include/mach/message.h:
lib/fs/control.h:
lib/fs/file_system.h:
lib/fs/node.h:
lib/interfaces/fs.h:
lib/interfaces/stat.h:
lib/interfaces/io.h:
lib/fs/parked.h:
lib/ports/server.h:
lib/ports/receiver.h:
lib/rpc/server.h:
lib/rpc/rights.h:
lib/heap/heap.h:
mach/kern/slab.h:
mach/kern/spinlock.h:
lib/interfaces/auth.h:
lib/interfaces/fsys.h:
lib/fs/translator.h:
lib/mach/mach.h:
mach/include/mach/syscall.h:
lib/mach/syscall_stub.h:
lib/mach/print.h:
lib/rpc/client.h:
lib/rpc/reply_port.h:
