# A sample autoconf project (test/autoconf/), built as the README says a
# simple one builds for Portico:
#
#   autoheader && autoconf
#   CC=portico-cc ./configure --host=x86_64-portico && make
#
# in a copy under $(BUILD)/autoconf-sample/; its program goes into the test
# image's root file system as /test/autohello, which the shell test runs.
# (Read after posix_programs.mk: PORTICO_CC and PORTICO_LIBC are its.)

AUTOCONF_SAMPLE := $(BUILD)/autoconf-sample
AUTOCONF_SAMPLE_SOURCES := $(wildcard test/autoconf/*)

# configure's standard input is /dev/null: its "are we cross compiling?"
# probe runs a Portico program on this machine, which must not read the
# terminal (it ends at its first system call: lib/runtime never_returned).
$(BUILD)/root/test/autohello: $(AUTOCONF_SAMPLE_SOURCES) $(PORTICO_LIBC) $(PORTICO_CC) make/sample_autoconf.mk
	rm -rf $(AUTOCONF_SAMPLE)
	mkdir -p $(AUTOCONF_SAMPLE) $(@D)
	cp $(AUTOCONF_SAMPLE_SOURCES) $(AUTOCONF_SAMPLE)/
	cd $(AUTOCONF_SAMPLE) && autoheader && autoconf
	cd $(AUTOCONF_SAMPLE) && CC=$(abspath $(PORTICO_CC)) PORTICO_BUILD=$(abspath $(BUILD)) \
		./configure --host=x86_64-portico </dev/null >configure.out || { cat configure.out config.log; exit 1; }
	cd $(AUTOCONF_SAMPLE) && PORTICO_BUILD=$(abspath $(BUILD)) $(MAKE)
	cp $(AUTOCONF_SAMPLE)/autohello $@

TEST_ROOT_FILES += test/autohello
