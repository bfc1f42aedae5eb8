build-dev/user/servers/startup/console.o: servers/startup/console.cpp \
 servers/startup/console.h lib/base/result.h mach/include/mach/error.h \
 lib/exec/init_ports.h mach/include/mach/port.h lib/rpc/wire.h \
 mach/include/mach/message.h lib/fs/client.h lib/interfaces/fs.h \
 lib/interfaces/stat.h lib/interfaces/io.h lib/interfaces/term.h \
 lib/mach/mach.h mach/include/mach/syscall.h lib/mach/syscall_stub.h \
 lib/rpc/client.h lib/rpc/reply_port.h lib/rpc/rights.h \
 servers/startup/boot_server.h
servers/startup/console.h:
lib/base/result.h:
mach/include/mach/error.h:
lib/exec/init_ports.h:
mach/include/mach/port.h:
lib/rpc/wire.h:
mach/include/mach/message.h:
lib/fs/client.h:
lib/interfaces/fs.h:
lib/interfaces/stat.h:
lib/interfaces/io.h:
lib/interfaces/term.h:
lib/mach/mach.h:
mach/include/mach/syscall.h:
lib/mach/syscall_stub.h:
lib/rpc/client.h:
lib/rpc/reply_port.h:
lib/rpc/rights.h:
servers/startup/boot_server.h:
