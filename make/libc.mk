# The C library (glibc-shim/): build/glibc-shim/libc.a, an empty libm.a (so
# that `-lm` links: the math functions live in libc.a), crt1.o, and the
# host object the unit tests link (test/unit/libc.mk).
#
#   make libc      libc.a, libm.a, crt1.o
#
# Every glibc-shim/<dir>/*.cpp and *.S goes into libc.a. The pure folders
# reach the OS only through POSIX calls; posix/ is the OS layer and
# also sees the project's RPC libraries (lib/), the freestanding code
# (freestanding/include) and the kernel's ABI (mach/include).

LIBC_BUILD := $(BUILD)/glibc-shim
LIBC_GCC_INCLUDE := $(shell $(CXX) -print-file-name=include)
LIBC_PURE_DIRS := string ctype stdlib stdio math time misc setjmp locale crypt
LIBC_INCLUDE_FLAGS := -nostdinc -isystem $(LIBC_GCC_INCLUDE) -Iglibc-shim/include -Iglibc-shim
# -fno-builtin and -fno-tree-loop-distribute-patterns: memcpy's own loop
# must not be turned into a call to memcpy.
LIBC_CODE_FLAGS := -std=c++20 -ffreestanding -fno-exceptions -fno-rtti -fno-builtin \
	-fno-tree-loop-distribute-patterns -fno-stack-protector -fno-threadsafe-statics \
	-fno-asynchronous-unwind-tables
LIBC_CXXFLAGS := $(LIBC_CODE_FLAGS) -fno-pie -fno-pic $(LIBC_INCLUDE_FLAGS) -O2 -g $(WARNINGS) -MMD -MP
# posix/ uses lib/ and freestanding/ headers, which use the freestanding part of
# libstdc++ (<new>, <utility>, <type_traits>): its include folders, from g++.
LIBC_CXX_INCLUDES := $(shell echo | $(CXX) -xc++ -E -v - 2>&1 | sed -n 's,^ \(/[^ ]*/c++/[^ ]*\)$$,-isystem \1,p')
LIBC_POSIX_FLAGS := -Ilib -Imach/include -Ifreestanding/include $(LIBC_CXX_INCLUDES)

LIBC_PURE_SRCS := $(sort $(foreach dir,$(LIBC_PURE_DIRS),$(wildcard glibc-shim/$(dir)/*.cpp glibc-shim/$(dir)/*.S)))
LIBC_POSIX_SRCS := $(sort $(filter-out glibc-shim/posix/crt1.S,$(wildcard glibc-shim/posix/*.cpp glibc-shim/posix/*.S)))
# Objects keep their source's suffix (x.S.o, x.cpp.o): x.S and x.cpp may sit side by side.
LIBC_PURE_OBJS := $(LIBC_PURE_SRCS:%=$(LIBC_BUILD)/obj/%.o)
LIBC_POSIX_OBJS := $(LIBC_POSIX_SRCS:%=$(LIBC_BUILD)/obj/%.o)
LIBC_ARCHIVE := $(LIBC_BUILD)/libc.a
LIBM_ARCHIVE := $(LIBC_BUILD)/libm.a
LIBC_CRT1 := $(if $(wildcard glibc-shim/posix/crt1.S),$(LIBC_BUILD)/crt1.o)

$(LIBC_POSIX_OBJS): LIBC_CXXFLAGS += $(LIBC_POSIX_FLAGS)

$(LIBC_BUILD)/obj/%.o: % config.mk make/libc.mk
	@mkdir -p $(@D)
	$(CXX) $(LIBC_CXXFLAGS) -c $< -o $@

$(LIBC_BUILD)/crt1.o: glibc-shim/posix/crt1.S config.mk make/libc.mk
	@mkdir -p $(@D)
	$(CXX) $(LIBC_CXXFLAGS) $(LIBC_POSIX_FLAGS) -c $< -o $@

$(LIBC_ARCHIVE): $(LIBC_PURE_OBJS) $(LIBC_POSIX_OBJS)
	@mkdir -p $(@D)
	rm -f $@
	$(AR) rcs $@ $^

$(LIBM_ARCHIVE):
	@mkdir -p $(@D)
	rm -f $@
	$(AR) rcs $@

.PHONY: libc
libc: $(LIBC_ARCHIVE) $(LIBM_ARCHIVE) $(LIBC_CRT1)

# ---------------------------------------------------------------- host ---
# The pure folders once more, for the build host and the sanitizers, joined
# with `ld -r` into one object whose every defined global symbol is renamed
# shim_<name>: the tests call shim_strlen, shim_malloc, ... next to the
# host's own C library. Undefined references (read, write, __portico_pages,
# the sanitizers' runtime) keep their names and are resolved by the host
# libc or by the tests.
#
# Why this works under AddressSanitizer: the renaming happens after `ld -r`,
# so a call the compiler itself emits inside the shim (a struct copy that
# becomes memcpy) was already bound to the shim's own memcpy and is renamed
# with it; and -fno-builtin -fno-tree-loop-distribute-patterns keep gcc from
# turning the shim's memcpy/memset loops into calls to themselves. Position
# independent (the unit test binary is a PIE), so no -fno-pic here.
LIBC_HOST_CXXFLAGS := $(LIBC_CODE_FLAGS) $(LIBC_INCLUDE_FLAGS) -DPORTICO_HOST -g -O1 \
	-fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=all $(WARNINGS) -MMD -MP
LIBC_HOST_OBJS := $(LIBC_PURE_SRCS:%=$(LIBC_BUILD)/host/%.o)
LIBC_HOST_OBJECT := $(LIBC_BUILD)/host/libc_shim.o

$(LIBC_BUILD)/host/%.o: % config.mk make/libc.mk
	@mkdir -p $(@D)
	$(CXX) $(LIBC_HOST_CXXFLAGS) -c $< -o $@

$(LIBC_HOST_OBJECT): $(LIBC_HOST_OBJS)
	@mkdir -p $(@D)
	$(LD) -r -o $@.joined $^
	nm --defined-only --extern-only $@.joined | awk 'NF == 3 { print $$3 " shim_" $$3 }' > $@.renames
	objcopy --redefine-syms=$@.renames $@.joined $@
	rm -f $@.joined

-include $(LIBC_PURE_OBJS:.o=.d) $(LIBC_POSIX_OBJS:.o=.d) $(LIBC_HOST_OBJS:.o=.d)

# Each public header compiled alone as C11 and C++20 (no build products).
.PHONY: libc-headers-check
libc-headers-check:
	glibc-shim/check-headers.sh
