build-dev/user/servers/startup/main.o: servers/startup/main.cpp \
 lib/auth/client.h lib/base/result.h mach/include/mach/error.h \
 lib/interfaces/auth.h lib/interfaces/stat.h lib/rpc/wire.h \
 mach/include/mach/message.h mach/include/mach/port.h lib/rpc/client.h \
 lib/mach/mach.h mach/include/mach/syscall.h lib/mach/syscall_stub.h \
 lib/rpc/reply_port.h lib/rpc/rights.h lib/exec/child.h \
 lib/exec/execute.h lib/exec/init_ports.h lib/fs/client.h \
 lib/interfaces/fs.h lib/interfaces/io.h lib/interfaces/proc.h \
 lib/mach/print.h servers/startup/boot_server.h \
 servers/startup/boot_translators.h servers/startup/console.h
lib/auth/client.h:
lib/base/result.h:
mach/include/mach/error.h:
lib/interfaces/auth.h:
lib/interfaces/stat.h:
lib/rpc/wire.h:
mach/include/mach/message.h:
mach/include/mach/port.h:
lib/rpc/client.h:
lib/mach/mach.h:
mach/include/mach/syscall.h:
lib/mach/syscall_stub.h:
lib/rpc/reply_port.h:
lib/rpc/rights.h:
lib/exec/child.h:
lib/exec/execute.h:
lib/exec/init_ports.h:
lib/fs/client.h:
lib/interfaces/fs.h:
lib/interfaces/io.h:
lib/interfaces/proc.h:
lib/mach/print.h:
servers/startup/boot_server.h:
servers/startup/boot_translators.h:
servers/startup/console.h:
