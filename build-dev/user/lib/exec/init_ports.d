build-dev/user/lib/exec/init_ports.o: lib/exec/init_ports.cpp \
 lib/exec/init_ports.h lib/base/result.h mach/include/mach/error.h \
 mach/include/mach/port.h lib/rpc/wire.h mach/include/mach/message.h \
 lib/interfaces/proc.h lib/mach/mach.h mach/include/mach/syscall.h \
 lib/mach/syscall_stub.h lib/rpc/client.h lib/rpc/reply_port.h \
 lib/rpc/rights.h
lib/exec/init_ports.h:
lib/base/result.h:
mach/include/mach/error.h:
mach/include/mach/port.h:
lib/rpc/wire.h:
mach/include/mach/message.h:
lib/interfaces/proc.h:
lib/mach/mach.h:
mach/include/mach/syscall.h:
lib/mach/syscall_stub.h:
lib/rpc/client.h:
lib/rpc/reply_port.h:
lib/rpc/rights.h:
