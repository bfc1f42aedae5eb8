build-dev/user/lib/ports/server.o: lib/ports/server.cpp lib/mach/mach.h \
 mach/include/mach/message.h mach/include/mach/port.h \
 mach/include/mach/syscall.h lib/mach/syscall_stub.h \
 mach/include/mach/error.h lib/ports/server.h lib/base/result.h \
 lib/ports/receiver.h lib/rpc/server.h lib/rpc/rights.h lib/rpc/wire.h
lib/mach/mach.h:
mach/include/mach/message.h:
mach/include/mach/port.h:
mach/include/mach/syscall.h:
lib/mach/syscall_stub.h:
mach/include/mach/error.h:
lib/ports/server.h:
lib/base/result.h:
lib/ports/receiver.h:
lib/rpc/server.h:
lib/rpc/rights.h:
lib/rpc/wire.h:
