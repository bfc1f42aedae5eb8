# POSIX programs: the shell and the utilities of utils/<name>/ (plain C11;
# the pieces they share, such as error messages and copying, are
# utils/libutil/).
#
# For Portico they are built with glibc-shim's compiler wrapper against the
# shim's libc and installed as /bin/<name> in the root file system (unless
# POSIX_UTILITIES_IN_ROOT=no: while the libc still misses functions they use,
# that keeps the image buildable).
#
# For the build host (`make host-utils`) they are built with the host's gcc
# and C library under ASan and UBSan into $(BUILD)/host-utils/, and
# `make host-utils-test` runs the shell scripts of test/host_utils/ with them
# and drives the interactive shell on a pseudo-terminal.

POSIX_UTILITY_NAMES := sh ls cat echo mkdir rmdir rm cp mv ln touch stat wc head grep kill sleep env uname \
	true false poweroff reboot id whoami
# Programs built for Portico only: they need its crypt() and /etc/shadow.
PORTICO_ONLY_UTILITY_NAMES := su login
POSIX_UTILITY_LIBRARY_SRCS := $(sort $(wildcard utils/libutil/*.c))
POSIX_CFLAGS := -std=c11 -O2 -g $(WARNINGS) -Iutils/libutil -MMD -MP

# ---------------------------------------------------------------- Portico ---

PORTICO_CC := glibc-shim/portico-cc
# What portico-cc links (make/libc.mk; libportico.a is user.mk's, read after this file).
PORTICO_LIBC := $(LIBC_ARCHIVE) $(LIBM_ARCHIVE) $(LIBC_CRT1) $(BUILD)/user/lib/libportico.a
POSIX_UTILITIES_IN_ROOT ?= yes

$(BUILD)/posix/%.o: %.c config.mk make/posix_programs.mk $(PORTICO_CC)
	@mkdir -p $(@D)
	PORTICO_BUILD=$(BUILD) $(PORTICO_CC) $(POSIX_CFLAGS) -c $< -o $@

POSIX_UTILITY_LIBRARY := $(BUILD)/posix/libutil.a
$(POSIX_UTILITY_LIBRARY): $(POSIX_UTILITY_LIBRARY_SRCS:%.c=$(BUILD)/posix/%.o)
	rm -f $@
	$(AR) rcs $@ $^

define posix_program_rule
$(BUILD)/root/bin/$(1): $(patsubst %.c,$(BUILD)/posix/%.o,$(wildcard utils/$(1)/*.c)) $(POSIX_UTILITY_LIBRARY) $(PORTICO_LIBC)
	@mkdir -p $$(@D)
	PORTICO_BUILD=$(BUILD) $(PORTICO_CC) $(POSIX_CFLAGS) -o $$@ $$(filter %.o %.a,$$(filter-out $(PORTICO_LIBC),$$^))
endef
$(foreach name,$(POSIX_UTILITY_NAMES) $(PORTICO_ONLY_UTILITY_NAMES),$(eval $(call posix_program_rule,$(name))))

POSIX_UTILITIES := $(POSIX_UTILITY_NAMES:%=$(BUILD)/root/bin/%) $(PORTICO_ONLY_UTILITY_NAMES:%=$(BUILD)/root/bin/%)
ifeq ($(POSIX_UTILITIES_IN_ROOT),yes)
ROOT_FILES += $(POSIX_UTILITY_NAMES:%=bin/%) $(PORTICO_ONLY_UTILITY_NAMES:%=bin/%)
endif

.PHONY: posix-utils
posix-utils: $(POSIX_UTILITIES)

# ------------------------------------------------------------ build host ---

HOST_CC ?= gcc
HOST_UTILS := $(BUILD)/host-utils
HOST_UTILS_CFLAGS := -std=c11 -D_XOPEN_SOURCE=700 -g -O1 -fno-omit-frame-pointer \
	-fsanitize=address,undefined -fno-sanitize-recover=all $(WARNINGS) -Iutils/libutil -MMD -MP
HOST_UTILITY_PROGRAMS := $(POSIX_UTILITY_NAMES:%=$(HOST_UTILS)/%)

$(HOST_UTILS)/obj/%.o: %.c config.mk make/posix_programs.mk
	@mkdir -p $(@D)
	$(HOST_CC) $(HOST_UTILS_CFLAGS) -c $< -o $@

HOST_UTILITY_LIBRARY := $(HOST_UTILS)/libutil.a
$(HOST_UTILITY_LIBRARY): $(POSIX_UTILITY_LIBRARY_SRCS:%.c=$(HOST_UTILS)/obj/%.o)
	@mkdir -p $(@D)
	rm -f $@
	$(AR) rcs $@ $^

define host_utility_rule
$(HOST_UTILS)/$(1): $(patsubst %.c,$(HOST_UTILS)/obj/%.o,$(wildcard utils/$(1)/*.c)) $(HOST_UTILITY_LIBRARY)
	$(HOST_CC) $(HOST_UTILS_CFLAGS) -o $$@ $$^
endef
$(foreach name,$(POSIX_UTILITY_NAMES),$(eval $(call host_utility_rule,$(name))))

.PHONY: host-utils host-utils-test
host-utils: $(HOST_UTILITY_PROGRAMS)
host-utils-test: $(HOST_UTILITY_PROGRAMS)
	$(PYTHON) test/host_utils/run.py --bin $(HOST_UTILS) --cases test/host_utils
	$(PYTHON) test/host_utils/interactive.py --bin $(HOST_UTILS)
