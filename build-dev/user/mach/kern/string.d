build-dev/user/mach/kern/string.o: mach/kern/string.cpp
