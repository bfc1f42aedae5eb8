# Ported programs: Lua 5.4 and zlib's minigzip, from Debian's source
# packages (fetched at build time by make/ported-fetch.sh, never committed)
# and built WITHOUT changes to their sources:
#
#   Lua      its src/*.c (core, libraries, lua.c; not luac) with
#            -DLUA_USE_POSIX (no dlopen, no readline)      -> /bin/lua
#   zlib     `CC=portico-cc ./configure --static; make minigzip` -> /bin/minigzip
#
# and their tests, test/ported/ (installed in /test/).
#
#   make ported-sources   fetch and unpack (the only step that needs the network,
#                         once: a stamp file keeps it from running again)
#   make ported           lua and minigzip for Portico ($(BUILD)/root/bin/)
#   make ported-host      the same with the host's gcc and C library
#                         ($(BUILD)/ported/host/bin/), a check of the rules
#   make ported-host-test the test scripts, run on the build host with those
#   make ported-shim-test the test scripts, run on the build host with the
#                         Portico objects linked to the C library's pure parts,
#                         gzip.sh under Portico's shell (built for the host)
#
# By default (PORTED_PROGRAMS=yes) they go into the root file system
# (ROOT_FILES) and their tests into the test image's (TEST_ROOT_FILES), so
# the first `make` fetches their sources;
# PORTED_PROGRAMS=no leaves them out: a build that needs no network once
# the tools are installed.

PORTED_PROGRAMS ?= yes
PORTED := $(BUILD)/ported
PORTED_SOURCES := $(PORTED)/src
PORTED_STAMP := $(PORTED_SOURCES)/fetched.stamp
PORTED_PACKAGES := lua5.4 zlib
LUA_SOURCE := $(PORTED_SOURCES)/lua5.4
ZLIB_SOURCE := $(PORTED_SOURCES)/zlib

PORTICO_CC ?= glibc-shim/portico-cc
# What portico-cc links: make/libc.mk's archives and user.mk's libportico.a.
PORTED_PORTICO_LIBC := $(LIBC_ARCHIVE) $(LIBM_ARCHIVE) $(LIBC_CRT1) $(BUILD)/user/lib/libportico.a
PORTED_HOST_CC := gcc

$(PORTED_STAMP): make/ported-fetch.sh
	make/ported-fetch.sh $(PORTED_SOURCES) $(PORTED_PACKAGES)
	touch $@

.PHONY: ported-sources
ported-sources: $(PORTED_STAMP)

# ------------------------------------------------------------------ Lua ---
# The files of upstream's src/Makefile (CORE_O, LIB_O, lua.c).
LUA_MODULES := lapi lcode lctype ldebug ldo ldump lfunc lgc llex lmem lobject lopcodes lparser \
	lstate lstring ltable ltm lundump lvm lzio \
	lauxlib lbaselib lcorolib ldblib liolib lmathlib loadlib loslib lstrlib ltablib lutf8lib linit \
	lua
# Upstream's flags, with POSIX (popen, mkstemp, _setjmp, gmtime_r, ...)
# instead of LUA_USE_LINUX (which adds dlopen).
LUA_CFLAGS := -std=gnu99 -O2 -Wall -Wextra -DLUA_COMPAT_5_3 -DLUA_USE_POSIX -I$(PORTED)/lua-config

# Debian's luaconf.h includes lua5.4-deb-multiarch.h, which debian/rules
# writes at build time: we write it too (it only names the library folder).
$(PORTED)/lua-config/lua5.4-deb-multiarch.h:
	@mkdir -p $(@D)
	echo '#define DEB_HOST_MULTIARCH "x86_64-portico"' > $@

# $(call lua_rules,<variant>,<compiler>,<what the link needs>)
define lua_rules
$(PORTED)/$(1)/lua/%.o: $(PORTED_STAMP) $(PORTED)/lua-config/lua5.4-deb-multiarch.h make/ported.mk
	@mkdir -p $$(@D)
	$(2) $(LUA_CFLAGS) -MMD -MP -c $(LUA_SOURCE)/src/$$*.c -o $$@

$(PORTED)/$(1)/bin/lua: $(LUA_MODULES:%=$(PORTED)/$(1)/lua/%.o) $(3)
	@mkdir -p $$(@D)
	$(2) -o $$@ $(LUA_MODULES:%=$(PORTED)/$(1)/lua/%.o) -lm
endef

# ----------------------------------------------------------------- zlib ---
# zlib's configure writes into its tree: each variant configures and
# builds its own copy. configure falls back silently when a check fails
# to link (vsprintf for vsnprintf, no strerror): such a fallback means the
# C library lacks something, so it stops the build.
ZLIB_CONFIGURE_MUST_FIND := "Checking for vsnprintf() in stdio.h... Yes." "Checking for strerror... Yes."

# $(call zlib_rules,<variant>,<compiler>,<what the link needs>)
define zlib_rules
$(PORTED)/$(1)/bin/minigzip: $(PORTED_STAMP) make/ported.mk $(3)
	rm -rf $(PORTED)/$(1)/zlib
	@mkdir -p $(PORTED)/$(1) $$(@D)
	cp -a $(ZLIB_SOURCE) $(PORTED)/$(1)/zlib
	cd $(PORTED)/$(1)/zlib && CC="$(2)" ./configure --static
	for line in $(ZLIB_CONFIGURE_MUST_FIND); do \
		grep -qxF "$$$$line" $(PORTED)/$(1)/zlib/configure.log \
			|| { echo "zlib's configure with $(2): missing '$$$$line' (see $(PORTED)/$(1)/zlib/configure.log)" >&2; exit 1; }; \
	done
	$(MAKE) -C $(PORTED)/$(1)/zlib minigzip
	cp $(PORTED)/$(1)/zlib/minigzip $$@
endef

# ------------------------------------------------------------- variants ---
# Portico: portico-cc finds the build folder through PORTICO_BUILD (zlib's
# configure runs it from inside zlib's tree, hence absolute paths).
PORTED_PORTICO_CC := env PORTICO_BUILD=$(abspath $(BUILD)) $(abspath $(PORTICO_CC))
$(eval $(call lua_rules,portico,$(PORTED_PORTICO_CC),$(PORTED_PORTICO_LIBC)))
$(eval $(call zlib_rules,portico,$(PORTED_PORTICO_CC),$(PORTED_PORTICO_LIBC)))
$(eval $(call lua_rules,host,$(PORTED_HOST_CC),))
$(eval $(call zlib_rules,host,$(PORTED_HOST_CC),))

$(BUILD)/root/bin/lua $(BUILD)/root/bin/minigzip: $(BUILD)/root/bin/%: $(PORTED)/portico/bin/%
	@mkdir -p $(@D)
	cp $< $@

# The tests (test/ported/), in /test/ of the test image's root file system.
PORTED_TESTS := files.lua gzip.sh
$(PORTED_TESTS:%=$(BUILD)/root/test/%): $(BUILD)/root/test/%: test/ported/%
	@mkdir -p $(@D)
	cp $< $@

# The Portico objects once more, linked for the build host with the C
# library's pure parts and test/ported/shim_host_glue.c (the OS layer's
# stand-in): the test scripts then exercise the shim's stdio, printf,
# strtod, malloc, time... on the host, before Portico runs them.
PORTED_SHIM := $(PORTED)/shim-host
PORTED_SHIM_LINK := gcc -static -no-pie -Wl,--allow-multiple-definition

$(PORTED_SHIM)/pure.o: $(LIBC_PURE_OBJS)
	@mkdir -p $(@D)
	$(LD) -r -o $@ $^

$(PORTED_SHIM)/glue.o: test/ported/shim_host_glue.c make/ported.mk
	@mkdir -p $(@D)
	gcc -O2 -Wall -Wextra -fno-builtin -c $< -o $@

$(PORTED_SHIM)/bin/lua: $(LUA_MODULES:%=$(PORTED)/portico/lua/%.o) $(PORTED_SHIM)/pure.o $(PORTED_SHIM)/glue.o
	@mkdir -p $(@D)
	$(PORTED_SHIM_LINK) -o $@ $^

# minigzip's objects come out of zlib's own build (make minigzip).
$(PORTED_SHIM)/bin/minigzip: $(PORTED)/portico/bin/minigzip $(PORTED_SHIM)/pure.o $(PORTED_SHIM)/glue.o
	@mkdir -p $(@D)
	$(PORTED_SHIM_LINK) -o $@ $(PORTED)/portico/zlib/minigzip.o $(PORTED)/portico/zlib/libz.a \
		$(PORTED_SHIM)/pure.o $(PORTED_SHIM)/glue.o

.PHONY: ported ported-host ported-host-test ported-shim-test
ported: $(BUILD)/root/bin/lua $(BUILD)/root/bin/minigzip
ported-host: $(PORTED)/host/bin/lua $(PORTED)/host/bin/minigzip
ported-host-test: ported-host
	test/ported/run-on-host.sh $(PORTED)/host/bin

# gzip.sh runs under Portico's shell and utilities, built for the host
# (make/posix_programs.mk), with nothing else in PATH.
PORTED_SCRIPT_UTILITIES := sh cp mkdir rm rmdir
ported-shim-test: $(PORTED_SHIM)/bin/lua $(PORTED_SHIM)/bin/minigzip $(PORTED_SCRIPT_UTILITIES:%=$(BUILD)/host-utils/%)
	rm -rf $(PORTED_SHIM)/utilities
	mkdir -p $(PORTED_SHIM)/utilities
	cp $(PORTED_SCRIPT_UTILITIES:%=$(BUILD)/host-utils/%) $(PORTED_SHIM)/utilities/
	test/ported/run-on-host.sh $(PORTED_SHIM)/bin $(PORTED_SHIM)/utilities

ifeq ($(PORTED_PROGRAMS),yes)
ROOT_FILES += bin/lua bin/minigzip
TEST_ROOT_FILES += $(PORTED_TESTS:%=test/%)
endif
