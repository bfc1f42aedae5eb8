build-dev/user/lib/fs/file_system.o: lib/fs/file_system.cpp \
 lib/base/text.h lib/fs/file_system.h lib/fs/node.h lib/interfaces/fs.h \
 lib/interfaces/stat.h lib/rpc/wire.h mach/include/mach/message.h \
 mach/include/mach/port.h lib/interfaces/io.h mach/include/mach/error.h \
 lib/fs/parked.h lib/ports/server.h lib/base/result.h \
 lib/ports/receiver.h lib/rpc/server.h lib/rpc/rights.h lib/heap/heap.h \
 mach/kern/slab.h mach/kern/spinlock.h lib/interfaces/auth.h \
 lib/interfaces/fsys.h lib/fs/path.h lib/fs/translator_start.h \
 lib/exec/init_ports.h lib/exec/spawn.h mach/kern/initial_stack.h \
 mach/kern/elf_image.h lib/mach/mach.h mach/include/mach/syscall.h \
 lib/mach/syscall_stub.h lib/rpc/client.h lib/rpc/reply_port.h
lib/base/text.h:
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
lib/fs/path.h:
lib/fs/translator_start.h:
lib/exec/init_ports.h:
lib/exec/spawn.h:
mach/kern/initial_stack.h:
mach/kern/elf_image.h:
lib/mach/mach.h:
mach/include/mach/syscall.h:
lib/mach/syscall_stub.h:
lib/rpc/client.h:
lib/rpc/reply_port.h:
