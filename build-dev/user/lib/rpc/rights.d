build-dev/user/lib/rpc/rights.o: lib/rpc/rights.cpp lib/mach/mach.h \
 mach/include/mach/message.h mach/include/mach/port.h \
 mach/include/mach/syscall.h lib/mach/syscall_stub.h \
 mach/include/mach/error.h lib/rpc/rights.h lib/rpc/wire.h
lib/mach/mach.h:
mach/include/mach/message.h:
mach/include/mach/port.h:
mach/include/mach/syscall.h:
lib/mach/syscall_stub.h:
mach/include/mach/error.h:
lib/rpc/rights.h:
lib/rpc/wire.h:
