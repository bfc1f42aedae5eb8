build-dev/user/lib/rpc/reply_port.o: lib/rpc/reply_port.cpp \
 lib/mach/mach.h mach/include/mach/message.h mach/include/mach/port.h \
 mach/include/mach/syscall.h lib/mach/syscall_stub.h \
 mach/include/mach/error.h lib/rpc/reply_port.h lib/base/result.h
lib/mach/mach.h:
mach/include/mach/message.h:
mach/include/mach/port.h:
mach/include/mach/syscall.h:
lib/mach/syscall_stub.h:
mach/include/mach/error.h:
lib/rpc/reply_port.h:
lib/base/result.h:
