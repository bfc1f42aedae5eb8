build-dev/user/lib/exec/arguments.o: lib/exec/arguments.cpp \
 lib/base/text.h lib/exec/arguments.h lib/base/result.h \
 mach/include/mach/error.h
lib/base/text.h:
lib/exec/arguments.h:
lib/base/result.h:
mach/include/mach/error.h:
