# User programs: lib/runtime (system call stubs, crt0) and the test programs in
# test/programs/, built with the host g++ as static freestanding x86-64 ELF
# executables linked at 0x400000, and shipped as boot modules of the test image
# (TEST_ISO_MODULES; the servers and translators go on both images). They share
# the freestanding code of freestanding/ (memory and string functions, slab
# caches, the ELF reader, the initial stack) with the kernel.

USER_PROGRAM_NAMES := hello fault spin usertest bench ipcserver ipcclient ipcqueue hostile taskctl vmtest vmstress devtest counterserver counterclient fstest spawntest utilstest fsbench \
	proctest fifotest portfuzz stucktrans stuckexec
USER_CXXFLAGS := -std=c++20 -ffreestanding -fno-exceptions -fno-rtti -fno-pie -fno-pic -fno-stack-protector \
	-fno-asynchronous-unwind-tables -fno-threadsafe-statics -O2 -g $(WARNINGS) -Imach/include -Ifreestanding/include -Ilib -MMD -MP
USER_LDFLAGS := -nostdlib -static -no-pie -Wl,--strip-debug -Wl,-z,max-page-size=0x1000 -Wl,-z,noexecstack \
	-Wl,--build-id=none -Wl,-Ttext-segment=0x400000
USER_RUNTIME_OBJS := $(BUILD)/user/lib/runtime/crt0.S.o $(BUILD)/user/lib/runtime/start.o \
	$(BUILD)/user/freestanding/string.o $(BUILD)/user/lib/runtime/print.o $(BUILD)/user/lib/runtime/kernel_call.o
# The kernel's accounting of replies and its out-of-memory policy, tried in the guest.
USER_PROGRAM_NAMES += replyflood oomtest
USER_PROGRAMS := $(USER_PROGRAM_NAMES:%=$(BUILD)/user/bin/%)
# The user-space libraries (lib/rpc, ...), as an archive: a program links what it uses.
USER_LIBRARY_SRCS := $(sort $(wildcard lib/rpc/*.cpp lib/ports/*.cpp lib/heap/*.cpp lib/fs_client/*.cpp lib/fs_server/*.cpp lib/exec/*.cpp)) \
	lib/runtime/kernel_call.cpp lib/runtime/print.cpp lib/runtime/freestanding_hooks.cpp lib/runtime/thread.cpp \
	lib/runtime/lock.cpp $(filter-out freestanding/string.cpp,$(wildcard freestanding/*.cpp))
USER_LIBRARY := $(BUILD)/user/lib/libportico.a

$(BUILD)/user/%.o: %.cpp config.mk make/user.mk
	@mkdir -p $(@D)
	$(CXX) $(USER_CXXFLAGS) -c $< -o $@

$(BUILD)/user/%.S.o: %.S config.mk make/user.mk
	@mkdir -p $(@D)
	$(CXX) $(USER_CXXFLAGS) -c $< -o $@

$(USER_LIBRARY): $(USER_LIBRARY_SRCS:%.cpp=$(BUILD)/user/%.o)
	@mkdir -p $(@D)
	rm -f $@
	$(AR) rcs $@ $^

$(BUILD)/user/bin/%: $(BUILD)/user/test/programs/%.o $(USER_RUNTIME_OBJS) $(USER_LIBRARY)
	@mkdir -p $(@D)
	$(CXX) $(USER_LDFLAGS) -o $@ $^ -lgcc

# Programs of several files: <folder>/<name>/*.cpp make $(BUILD)/root/<place>/<name>
# ($(BUILD)/root is what the root file system holds beyond boot/root).
define program_rule
$(BUILD)/root/$(3)/$(2): $(patsubst %.cpp,$(BUILD)/user/%.o,$(wildcard $(1)/$(2)/*.cpp)) $(USER_RUNTIME_OBJS) $(USER_LIBRARY)
	@mkdir -p $$(@D)
	$$(CXX) $$(USER_LDFLAGS) -o $$@ $$^ -lgcc
endef

# Programs installed in the root file system: $(call install_programs,<folder>,<names>,<place>)
# builds each <folder>/<name>/ as $(BUILD)/root/<place>/<name> and adds it to ROOT_FILES.
define install_programs
$(foreach name,$(2),$(eval $(call program_rule,$(1),$(name),$(3))))
ROOT_FILES += $(2:%=$(3)/%)
endef

# Servers (servers/<name>) and translators (translators/<name>): /hurd/<name>
# in the root, and shipped as /boot/hurd/<name> on the ISO (boot modules).
SERVER_NAMES := auth exec startup proc pflocal term
SERVERS := $(SERVER_NAMES:%=$(BUILD)/root/hurd/%)
$(eval $(call install_programs,servers,$(SERVER_NAMES),hurd))
TRANSLATOR_NAMES := tmpfs hello null zero fifo symlink
TRANSLATORS := $(TRANSLATOR_NAMES:%=$(BUILD)/root/hurd/%)
$(eval $(call install_programs,translators,$(TRANSLATOR_NAMES),hurd))

# Utilities (utils/<name>) are programs over the C library: make/libc.mk
# and make/posix_programs.mk build them into /bin.

# Test programs that run from the test image's root file system (/test/<name>),
# started by startup; hello.sh is a script whose interpreter is servertest.
# portfuzz is the in-guest message fuzzer (test_fuzz.py, make fuzz-guest).
ROOT_TEST_NAMES := servertest fifotest portfuzz isolationtest idprobe stucktrans stuckexec
$(BUILD)/root/test/%: $(BUILD)/user/bin/%
	@mkdir -p $(@D)
	cp $< $@
$(BUILD)/root/test/hello.sh: test/programs/hello.sh
	@mkdir -p $(@D)
	cp $< $@
TEST_ROOT_FILES += $(ROOT_TEST_NAMES:%=test/%) test/hello.sh
.SECONDARY: $(ROOT_TEST_NAMES:%=$(BUILD)/user/bin/%)


# A truncated executable and one with a corrupted program header table: the
# loader must refuse both without harm.
$(BUILD)/user/bin/corrupt: $(BUILD)/user/bin/hello
	head -c 100 $< > $@
$(BUILD)/user/bin/garbled: $(BUILD)/user/bin/hello
	cp $< $@
	printf '\377\377\377\377\377\377\377\177' | dd of=$@ bs=1 seek=32 conv=notrunc status=none

TEST_ISO_MODULES += $(USER_PROGRAMS) $(BUILD)/user/bin/corrupt $(BUILD)/user/bin/garbled
ISO_HURD += $(SERVERS) $(TRANSLATORS)

.PHONY: user
user: $(USER_PROGRAMS) $(SERVERS) $(TRANSLATORS)
