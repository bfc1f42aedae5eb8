build-dev/user/servers/startup/boot_translators.o: \
 servers/startup/boot_translators.cpp servers/startup/boot_translators.h \
 mach/include/mach/error.h mach/include/mach/port.h lib/fs/client.h \
 lib/base/result.h lib/interfaces/fs.h lib/interfaces/stat.h \
 lib/rpc/wire.h mach/include/mach/message.h lib/interfaces/io.h \
 lib/rpc/client.h lib/mach/mach.h mach/include/mach/syscall.h \
 lib/mach/syscall_stub.h lib/rpc/reply_port.h lib/rpc/rights.h
servers/startup/boot_translators.h:
mach/include/mach/error.h:
mach/include/mach/port.h:
lib/fs/client.h:
lib/base/result.h:
lib/interfaces/fs.h:
lib/interfaces/stat.h:
lib/rpc/wire.h:
mach/include/mach/message.h:
lib/interfaces/io.h:
lib/rpc/client.h:
lib/mach/mach.h:
mach/include/mach/syscall.h:
lib/mach/syscall_stub.h:
lib/rpc/reply_port.h:
lib/rpc/rights.h:
