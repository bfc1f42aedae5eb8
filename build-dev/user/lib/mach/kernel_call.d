build-dev/user/lib/mach/kernel_call.o: lib/mach/kernel_call.cpp \
 lib/mach/kernel_call.h mach/include/mach/kernel_objects.h \
 mach/include/mach/message.h mach/include/mach/port.h lib/mach/mach.h \
 mach/include/mach/syscall.h lib/mach/syscall_stub.h \
 mach/include/mach/error.h
lib/mach/kernel_call.h:
mach/include/mach/kernel_objects.h:
mach/include/mach/message.h:
mach/include/mach/port.h:
lib/mach/mach.h:
mach/include/mach/syscall.h:
lib/mach/syscall_stub.h:
mach/include/mach/error.h:
