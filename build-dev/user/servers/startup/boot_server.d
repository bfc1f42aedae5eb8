build-dev/user/servers/startup/boot_server.o: \
 servers/startup/boot_server.cpp servers/startup/boot_server.h \
 lib/base/result.h mach/include/mach/error.h lib/exec/init_ports.h \
 mach/include/mach/port.h lib/rpc/wire.h mach/include/mach/message.h \
 lib/exec/boot_module.h lib/exec/child.h lib/exec/execute.h \
 lib/rpc/rights.h lib/exec/spawn.h lib/mach/mach.h \
 mach/include/mach/syscall.h lib/mach/syscall_stub.h
servers/startup/boot_server.h:
lib/base/result.h:
mach/include/mach/error.h:
lib/exec/init_ports.h:
mach/include/mach/port.h:
lib/rpc/wire.h:
mach/include/mach/message.h:
lib/exec/boot_module.h:
lib/exec/child.h:
lib/exec/execute.h:
lib/rpc/rights.h:
lib/exec/spawn.h:
lib/mach/mach.h:
mach/include/mach/syscall.h:
lib/mach/syscall_stub.h:
