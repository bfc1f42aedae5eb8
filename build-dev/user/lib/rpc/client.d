build-dev/user/lib/rpc/client.o: lib/rpc/client.cpp lib/rpc/client.h \
 lib/base/result.h mach/include/mach/error.h lib/mach/mach.h \
 mach/include/mach/message.h mach/include/mach/port.h \
 mach/include/mach/syscall.h lib/mach/syscall_stub.h lib/rpc/reply_port.h \
 lib/rpc/rights.h lib/rpc/wire.h
lib/rpc/client.h:
lib/base/result.h:
mach/include/mach/error.h:
lib/mach/mach.h:
mach/include/mach/message.h:
mach/include/mach/port.h:
mach/include/mach/syscall.h:
lib/mach/syscall_stub.h:
lib/rpc/reply_port.h:
lib/rpc/rights.h:
lib/rpc/wire.h:
