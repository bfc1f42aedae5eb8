build-dev/user/lib/mach/crt0.S.o: lib/mach/crt0.S
