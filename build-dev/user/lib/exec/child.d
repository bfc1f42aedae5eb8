build-dev/user/lib/exec/child.o: lib/exec/child.cpp lib/exec/child.h \
 lib/base/result.h mach/include/mach/error.h lib/exec/execute.h \
 lib/exec/init_ports.h mach/include/mach/port.h lib/rpc/wire.h \
 mach/include/mach/message.h lib/exec/spawn.h lib/interfaces/proc.h \
 lib/rpc/client.h lib/mach/mach.h mach/include/mach/syscall.h \
 lib/mach/syscall_stub.h lib/rpc/reply_port.h lib/rpc/rights.h
lib/exec/child.h:
lib/base/result.h:
mach/include/mach/error.h:
lib/exec/execute.h:
lib/exec/init_ports.h:
mach/include/mach/port.h:
lib/rpc/wire.h:
mach/include/mach/message.h:
lib/exec/spawn.h:
lib/interfaces/proc.h:
lib/rpc/client.h:
lib/mach/mach.h:
mach/include/mach/syscall.h:
lib/mach/syscall_stub.h:
lib/rpc/reply_port.h:
lib/rpc/rights.h:
