# Test programs in C over the C library (test/posix/<name>.c), built with
# portico-cc into /test/<name> in the test image's root file system; the system tests
# run them from the shell.
POSIX_TEST_NAMES := forkoffset posixbench polltest vmposix forkbomb

$(BUILD)/root/test/%: test/posix/%.c $(BUILD)/glibc-shim/libc.a $(BUILD)/glibc-shim/crt1.o $(BUILD)/user/lib/libportico.a \
		glibc-shim/portico-cc
	@mkdir -p $(@D)
	PORTICO_BUILD=$(BUILD) glibc-shim/portico-cc -std=c11 -O2 $(WARNINGS) -o $@ $<

TEST_ROOT_FILES += $(POSIX_TEST_NAMES:%=test/%)
