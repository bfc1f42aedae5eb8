build-dev/user/lib/fs/control.o: lib/fs/control.cpp lib/fs/control.h \
 lib/fs/file_system.h lib/fs/node.h lib/interfaces/fs.h \
 lib/interfaces/stat.h lib/rpc/wire.h mach/include/mach/message.h \
 mach/include/mach/port.h lib/interfaces/io.h mach/include/mach/error.h \
 lib/fs/parked.h lib/ports/server.h lib/base/result.h \
 lib/ports/receiver.h lib/rpc/server.h lib/rpc/rights.h lib/heap/heap.h \
 mach/kern/slab.h mach/kern/spinlock.h lib/interfaces/auth.h \
 lib/interfaces/fsys.h
lib/fs/control.h:
lib/fs/file_system.h:
lib/fs/node.h:
lib/interfaces/fs.h:
lib/interfaces/stat.h:
lib/rpc/wire.h:
mach/include/mach/message.h:
mach/include/mach/port.h:
lib/interfaces/io.h:
mach/include/mach/error.h:
lib/fs/parked.h:
lib/ports/server.h:
lib/base/result.h:
lib/ports/receiver.h:
lib/rpc/server.h:
lib/rpc/rights.h:
lib/heap/heap.h:
mach/kern/slab.h:
mach/kern/spinlock.h:
lib/interfaces/auth.h:
lib/interfaces/fsys.h:
