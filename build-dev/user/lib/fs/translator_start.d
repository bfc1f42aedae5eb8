build-dev/user/lib/fs/translator_start.o: lib/fs/translator_start.cpp \
 lib/exec/init_ports.h lib/base/result.h mach/include/mach/error.h \
 mach/include/mach/port.h lib/rpc/wire.h mach/include/mach/message.h \
 lib/fs/translator_start.h lib/exec/spawn.h lib/interfaces/fsys.h \
 lib/interfaces/fs.h lib/interfaces/stat.h lib/mach/kernel_call.h \
 mach/include/mach/kernel_objects.h lib/mach/mach.h \
 mach/include/mach/syscall.h lib/mach/syscall_stub.h lib/rpc/rights.h
lib/exec/init_ports.h:
lib/base/result.h:
mach/include/mach/error.h:
mach/include/mach/port.h:
lib/rpc/wire.h:
mach/include/mach/message.h:
lib/fs/translator_start.h:
lib/exec/spawn.h:
lib/interfaces/fsys.h:
lib/interfaces/fs.h:
lib/interfaces/stat.h:
lib/mach/kernel_call.h:
mach/include/mach/kernel_objects.h:
lib/mach/mach.h:
mach/include/mach/syscall.h:
lib/mach/syscall_stub.h:
lib/rpc/rights.h:
