# Portico build. Run ./configure first; it writes config.mk.
#   make            build/portico.iso, the image users boot (BIOS + UEFI, CD + USB),
#                   and build/portico-test.iso, the test image (`make iso`, `make test-iso`: one)
#   make run        boot build/portico.iso in QEMU on this terminal (serial console)
#   make run-uefi   the same under UEFI firmware (OVMF)
#   make check      host unit tests, then system tests that boot QEMU (mostly the test image)
#   make bench      in-guest benchmarks under deterministic instruction counting (the test image)

ifeq ($(wildcard config.mk),)
$(error config.mk is missing: run ./configure first)
endif
include config.mk

BUILD := build
.DEFAULT_GOAL := all
.SUFFIXES:
.DELETE_ON_ERROR:
# Keep intermediate files (user-program objects): no "rm" after the test
# summary, and no rebuilds on the next make. Only those: a missing kernel
# or ISO must still be rebuilt.
.PRECIOUS: $(BUILD)/user/%.o $(BUILD)/user/%.S.o

# Every part of the build compiles with these (make/*.mk read them at once).
WARNINGS := -Wall -Wextra -Werror

# Files GRUB loads next to the kernel (module2 lines of boot/make_grub_cfg.py's menus).
ISO_MODULES := boot/modules/motd.txt
# What the test image, build/portico-test.iso, carries beyond them: the test programs.
TEST_ISO_MODULES :=

# Each make/*.mk adds one part of the build (user programs, fuzzers, ...);
# they may add to ISO_MODULES, to ROOT_FILES (what the root file system
# holds beyond boot/root), to TEST_ISO_MODULES and TEST_ROOT_FILES (what only
# the test image holds) and to the phony targets below.
ROOT_FILES :=
TEST_ROOT_FILES :=
include $(sort $(wildcard make/*.mk))

# The root file system's contents, boot/root/ and ROOT_FILES, as a cpio
# archive tmpfs unpacks at start (after every make/*.mk added its files); the
# test image's archive holds TEST_ROOT_FILES too. `make run EXTRA_ROOT=dir`
# (or `make iso EXTRA_ROOT=dir`) adds the folder's files to both; an archive
# is made again when EXTRA_ROOT names another folder.
ROOT_ARCHIVE := $(BUILD)/root.cpio
TEST_ROOT_ARCHIVE := $(BUILD)/test/root.cpio
EXTRA_ROOT ?=
EXTRA_ROOT_FILES := $(if $(EXTRA_ROOT),$(shell cd "$(EXTRA_ROOT)" && find . -type f -o -type l | sed 's|^\./||'))
EXTRA_ROOT_STAMP := $(BUILD)/extra_root.txt
$(shell mkdir -p $(BUILD) && echo "$(abspath $(EXTRA_ROOT))" | cmp -s - $(EXTRA_ROOT_STAMP) \
	|| echo "$(abspath $(EXTRA_ROOT))" > $(EXTRA_ROOT_STAMP))

# $(call root_archive_rule,<archive>,<files of $(BUILD)/root to add>)
define root_archive_rule
$(1): boot/make_archive.py $(shell find boot/root) $(2:%=$(BUILD)/root/%) $(EXTRA_ROOT_STAMP) \
		$(EXTRA_ROOT_FILES:%=$(EXTRA_ROOT)/%)
	@mkdir -p $$(@D)
	$(PYTHON) boot/make_archive.py --output $$@ --root boot/root \
		$(foreach file,$(2),--add $(file)=$(BUILD)/root/$(file)) \
		$(foreach file,$(EXTRA_ROOT_FILES),--add $(file)=$(EXTRA_ROOT)/$(file))
endef
$(eval $(call root_archive_rule,$(ROOT_ARCHIVE),$(ROOT_FILES)))
$(eval $(call root_archive_rule,$(TEST_ROOT_ARCHIVE),$(ROOT_FILES) $(TEST_ROOT_FILES)))

# ---------------------------------------------------------------- kernel ---

# Two kernels of the same objects: build/mach.elf, the users' kernel (mach/),
# and build/mach-selftest.elf, which adds the self tests (test/kernel/) and the
# kernel benchmarks (test/bench/). kern/self_tests.h is the seam between them:
# the users' kernel links mach/kern/no_self_tests.cpp where the self-test
# kernel links test/kernel/'s runner.
KERNEL_DIRS := mach freestanding
KERNEL_CXX_SRCS := $(sort $(shell find $(KERNEL_DIRS) -name '*.cpp'))
KERNEL_ASM_SRCS := $(sort $(shell find $(KERNEL_DIRS) -name '*.S'))
# Assembly objects keep their suffix (x.S.o) so x.S and x.cpp may sit side by side.
KERNEL_OBJS := $(KERNEL_CXX_SRCS:%.cpp=$(BUILD)/kernel/%.o) $(KERNEL_ASM_SRCS:%=$(BUILD)/kernel/%.o)
KERNEL_NO_SELF_TESTS_OBJ := $(BUILD)/kernel/mach/kern/no_self_tests.o
SELFTEST_CXX_SRCS := $(sort $(shell find test/kernel test/bench -name '*.cpp'))
SELFTEST_OBJS := $(SELFTEST_CXX_SRCS:%.cpp=$(BUILD)/kernel/%.o)
SELFTEST_KERNEL_OBJS := $(filter-out $(KERNEL_NO_SELF_TESTS_OBJ),$(KERNEL_OBJS)) $(SELFTEST_OBJS)
KERNEL_FONT_OBJ := $(BUILD)/kernel/generated/console_font.o

# The kernel sees itself, its ABI and the freestanding code it shares with
# user space; never the user-space libraries (lib/). PORTICO_KERNEL lets the
# freestanding spin lock disable interrupts (freestanding/interrupts.h).
INCLUDES := -Imach -Imach/include -Ifreestanding/include
KERNEL_CXXFLAGS := -std=c++20 -ffreestanding -fno-exceptions -fno-rtti -mno-red-zone \
	-mcmodel=kernel -mgeneral-regs-only -fno-pic -fno-pie -fno-stack-protector \
	-fno-omit-frame-pointer -mno-omit-leaf-frame-pointer -fno-asynchronous-unwind-tables \
	-fno-optimize-sibling-calls -fno-threadsafe-statics -fno-use-cxa-atexit -O2 -g $(WARNINGS) $(INCLUDES) -MMD -MP \
	-DPORTICO_KERNEL
KERNEL_ASFLAGS := -ffreestanding -fno-pic -fno-pie $(INCLUDES) -MMD -MP
KERNEL_LDFLAGS := -nostdlib -static -no-pie -Wl,-n -Wl,-z,max-page-size=0x1000 \
	-Wl,--no-dynamic-linker -Wl,--build-id=none -T mach/arch/x86_64/linker.ld

$(BUILD)/kernel/%.o: %.cpp config.mk
	@mkdir -p $(@D)
	$(CXX) $(KERNEL_CXXFLAGS) -c $< -o $@

# The self tests include their runners as <kernel/ktest.h>, <bench/kbench.h>.
$(SELFTEST_OBJS): KERNEL_CXXFLAGS += -Itest

$(BUILD)/kernel/%.S.o: %.S config.mk
	@mkdir -p $(@D)
	$(CXX) $(KERNEL_ASFLAGS) -c $< -o $@

# The console font: a PSF font from Debian's console-setup, turned into code.
$(BUILD)/kernel/generated/console_font.cpp: $(CONSOLE_FONT) mach/tools/psf_to_cpp.py
	@mkdir -p $(@D)
	$(PYTHON) mach/tools/psf_to_cpp.py $(CONSOLE_FONT) $@

$(BUILD)/kernel/generated/%.o: $(BUILD)/kernel/generated/%.cpp
	$(CXX) $(KERNEL_CXXFLAGS) -c $< -o $@

# A kernel carries its own symbol table for readable backtraces. It is
# linked twice: first without symbols, then with the table generated from the
# first link. The table is the image's last section, so adding it moves no
# function; ksyms.py --check verifies that.
$(BUILD)/kernel/ksyms_empty.o: mach/tools/ksyms.py
	@mkdir -p $(@D)
	$(PYTHON) mach/tools/ksyms.py --empty $(BUILD)/kernel/ksyms_empty.S
	$(CXX) $(KERNEL_ASFLAGS) -c $(BUILD)/kernel/ksyms_empty.S -o $@

# $(call kernel_rules,<name>,<objects>): $(BUILD)/<name>.elf, linked twice as above.
define kernel_rules
$(BUILD)/kernel/$(1).stage1.elf: $(2) $(KERNEL_FONT_OBJ) $(BUILD)/kernel/ksyms_empty.o mach/arch/x86_64/linker.ld
	$(CXX) $(KERNEL_LDFLAGS) -o $$@ $(2) $(KERNEL_FONT_OBJ) $(BUILD)/kernel/ksyms_empty.o -lgcc

$(BUILD)/kernel/$(1).ksyms.o: $(BUILD)/kernel/$(1).stage1.elf mach/tools/ksyms.py
	$(PYTHON) mach/tools/ksyms.py $$< $(BUILD)/kernel/$(1).ksyms.S
	$(CXX) $(KERNEL_ASFLAGS) -c $(BUILD)/kernel/$(1).ksyms.S -o $$@

$(BUILD)/$(1).elf: $(BUILD)/kernel/$(1).ksyms.o
	$(CXX) $(KERNEL_LDFLAGS) -o $$@ $(2) $(KERNEL_FONT_OBJ) $$< -lgcc
	$(PYTHON) mach/tools/ksyms.py --check $(BUILD)/kernel/$(1).stage1.elf $$@
endef
$(eval $(call kernel_rules,mach,$(KERNEL_OBJS)))
$(eval $(call kernel_rules,mach-selftest,$(SELFTEST_KERNEL_OBJS)))

# ------------------------------------------------------------------- ISO ---

# Two images of the same parts. build/portico.iso (`make`) is what users
# boot: the users' kernel, the servers and translators, the utilities and the
# ported programs, with no test code. build/portico-test.iso (`make test-iso`,
# what `make check` and `make bench` boot) has the self-test kernel, the test
# programs as boot modules, a root archive that also holds TEST_ROOT_FILES, and
# the menu's hook through which the system tests set the command line.
$(BUILD)/grub.cfg: boot/make_grub_cfg.py
	$(PYTHON) boot/make_grub_cfg.py --image users --output $@
$(BUILD)/test/grub.cfg: boot/make_grub_cfg.py
	@mkdir -p $(@D)
	$(PYTHON) boot/make_grub_cfg.py --image test --output $@

# $(call iso_rules,<iso>,<staging folder>,<kernel>,<grub.cfg>,<boot modules>)
define iso_rules
$(1): $(3) $(4) $(5) $(ISO_HURD)
	rm -rf $(2)
	mkdir -p $(2)/boot/grub $(2)/boot/portico $(2)/boot/hurd
	cp $(4) $(2)/boot/grub/grub.cfg
	cp $(3) $(2)/boot/portico/mach
	cp $(5) $(2)/boot/portico/
	cp $(ISO_HURD) $(2)/boot/hurd/
	$(GRUB_MKRESCUE) -o $$@ $(2) 2>$(2).log || { cat $(2).log; exit 1; }
endef
$(eval $(call iso_rules,$(BUILD)/portico.iso,$(BUILD)/iso,$(BUILD)/mach.elf,$(BUILD)/grub.cfg,\
	$(ISO_MODULES) $(ROOT_ARCHIVE)))
$(eval $(call iso_rules,$(BUILD)/portico-test.iso,$(BUILD)/test/iso,$(BUILD)/mach-selftest.elf,\
	$(BUILD)/test/grub.cfg,$(ISO_MODULES) $(TEST_ISO_MODULES) $(TEST_ROOT_ARCHIVE)))

.PHONY: all iso test-iso kernel
all: $(BUILD)/portico.iso $(BUILD)/portico-test.iso
iso: $(BUILD)/portico.iso
test-iso: $(BUILD)/portico-test.iso
kernel: $(BUILD)/mach.elf $(BUILD)/mach-selftest.elf

# ------------------------------------------------------------------- run ---

QEMU_MEMORY ?= 256M
QEMU_COMMON := -machine q35 -cpu max -m $(QEMU_MEMORY) -no-reboot \
	-device isa-debug-exit,iobase=0xf4,iosize=0x04

.PHONY: run run-uefi run-gui
# On a terminal QEMU has it; from a pipe or a file, boot/run_piped.py types
# the lines one at a time at the shell's prompt (`poweroff` ends QEMU, 0).
run: $(BUILD)/portico.iso
	@if [ -t 0 ]; then \
		$(QEMU) $(QEMU_COMMON) -display none -serial mon:stdio -cdrom $<; \
	else \
		$(PYTHON) boot/run_piped.py $(QEMU) $(QEMU_COMMON) -display none -monitor none -serial stdio -cdrom $<; \
	fi

run-uefi: $(BUILD)/portico.iso
	cp $(OVMF_VARS) $(BUILD)/ovmf-vars.fd
	$(QEMU) $(QEMU_COMMON) -display none -serial mon:stdio \
		-drive if=pflash,format=raw,readonly=on,file=$(OVMF_CODE) \
		-drive if=pflash,format=raw,file=$(BUILD)/ovmf-vars.fd -cdrom $<

run-gui: $(BUILD)/portico.iso
	$(QEMU) $(QEMU_COMMON) -serial stdio -cdrom $<

# ------------------------------------------------------------ unit tests ---

# Each test/unit/*.mk adds the host-testable sources it needs to UNIT_SRCS.
UNIT_SRCS :=
# Objects built by other rules and linked as they are (the libc's renamed host object).
UNIT_EXTRA_OBJS :=
include $(wildcard test/unit/*.mk)
UNIT_TEST_SRCS := $(sort $(wildcard test/unit/*.cpp))
UNIT_OBJS := $(UNIT_TEST_SRCS:%.cpp=$(BUILD)/host/%.o) $(sort $(UNIT_SRCS:%.cpp=$(BUILD)/host/%.o))
# Host tests see both sides of the boundary: the kernel and the user libraries.
UNIT_CXXFLAGS := -std=c++20 -DPORTICO_HOST -g -O1 -fno-omit-frame-pointer \
	-fsanitize=address,undefined -fno-sanitize-recover=all $(WARNINGS) $(INCLUDES) -Ilib \
	-Itest/unit -isystem $(CATCH2_INCLUDE) -MMD -MP

$(BUILD)/host/%.o: %.cpp config.mk
	@mkdir -p $(@D)
	$(CXX) $(UNIT_CXXFLAGS) -c $< -o $@

# Catch2's own main trips GCC 12's false maybe-uninitialized warnings in <regex>.
$(BUILD)/host/test/unit/main.o: UNIT_CXXFLAGS += -Wno-maybe-uninitialized

$(BUILD)/unit_tests: $(UNIT_OBJS) $(UNIT_EXTRA_OBJS)
	$(CXX) $(UNIT_CXXFLAGS) -o $@ $^

.PHONY: unit
unit: $(BUILD)/unit_tests
	$(BUILD)/unit_tests

# ----------------------------------------------------------------- check ---


.PHONY: check
check: $(BUILD)/portico.iso $(BUILD)/portico-test.iso $(BUILD)/unit_tests
	$(PYTHON) test/check.py --build $(BUILD) --qemu $(QEMU) \
		--ovmf-code $(OVMF_CODE) --ovmf-vars $(OVMF_VARS)

.PHONY: bench
bench: $(BUILD)/portico-test.iso
	$(PYTHON) test/bench/run_bench.py --build $(BUILD) --qemu $(QEMU)

.PHONY: clean distclean
clean:
	rm -rf $(BUILD)
distclean: clean
	rm -f config.mk

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)
