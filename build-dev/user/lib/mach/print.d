build-dev/user/lib/mach/print.o: lib/mach/print.cpp lib/mach/mach.h \
 mach/include/mach/message.h mach/include/mach/port.h \
 mach/include/mach/syscall.h lib/mach/syscall_stub.h \
 mach/include/mach/error.h lib/mach/print.h
lib/mach/mach.h:
mach/include/mach/message.h:
mach/include/mach/port.h:
mach/include/mach/syscall.h:
lib/mach/syscall_stub.h:
mach/include/mach/error.h:
lib/mach/print.h:
