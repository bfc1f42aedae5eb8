# Portico build. Run ./configure first; it writes config.mk.
#   make            the kernel and build/portico.iso (BIOS + UEFI, CD + USB)
#   make run        boot the ISO in QEMU on this terminal (serial console)
#   make run-uefi   the same under UEFI firmware (OVMF)
#   make check      host unit tests, then system tests that boot QEMU
#   make bench      in-guest benchmarks under deterministic instruction counting

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

# Files GRUB loads next to the kernel (module2 lines in boot/grub.cfg).
ISO_MODULES := boot/modules/motd.txt

# Each make/*.mk adds one part of the build (user programs, fuzzers, ...);
# they may add to ISO_MODULES, to ROOT_FILES (what the root file system
# holds beyond boot/root) and to the phony targets below.
ROOT_FILES :=
include $(sort $(wildcard make/*.mk))

# The root file system's contents, boot/root/ and ROOT_FILES, as a cpio
# archive tmpfs unpacks at start (after every make/*.mk added its files).
# `make run EXTRA_ROOT=dir` (or `make iso EXTRA_ROOT=dir`) adds the folder's
# files to it; the archive is made again when EXTRA_ROOT names another folder.
ROOT_ARCHIVE := $(BUILD)/root.cpio
EXTRA_ROOT ?=
EXTRA_ROOT_FILES := $(if $(EXTRA_ROOT),$(shell cd "$(EXTRA_ROOT)" && find . -type f -o -type l | sed 's|^\./||'))
EXTRA_ROOT_STAMP := $(BUILD)/extra_root.txt
$(shell mkdir -p $(BUILD) && echo "$(abspath $(EXTRA_ROOT))" | cmp -s - $(EXTRA_ROOT_STAMP) \
	|| echo "$(abspath $(EXTRA_ROOT))" > $(EXTRA_ROOT_STAMP))
$(ROOT_ARCHIVE): boot/make_archive.py $(shell find boot/root) $(ROOT_FILES:%=$(BUILD)/root/%) $(EXTRA_ROOT_STAMP) \
		$(EXTRA_ROOT_FILES:%=$(EXTRA_ROOT)/%)
	$(PYTHON) boot/make_archive.py --output $@ --root boot/root \
		$(foreach file,$(ROOT_FILES),--add $(file)=$(BUILD)/root/$(file)) \
		$(foreach file,$(EXTRA_ROOT_FILES),--add $(file)=$(EXTRA_ROOT)/$(file))
ISO_MODULES += $(ROOT_ARCHIVE)

# ---------------------------------------------------------------- kernel ---

KERNEL_DIRS := mach freestanding test/kernel test/bench
KERNEL_CXX_SRCS := $(sort $(shell find $(KERNEL_DIRS) -name '*.cpp'))
KERNEL_ASM_SRCS := $(sort $(shell find $(KERNEL_DIRS) -name '*.S'))
# Assembly objects keep their suffix (x.S.o) so x.S and x.cpp may sit side by side.
KERNEL_OBJS := $(KERNEL_CXX_SRCS:%.cpp=$(BUILD)/kernel/%.o) $(KERNEL_ASM_SRCS:%=$(BUILD)/kernel/%.o)
KERNEL_FONT_OBJ := $(BUILD)/kernel/generated/console_font.o

# The kernel sees itself, its ABI and the freestanding code it shares with
# user space; never the user-space libraries (lib/).
INCLUDES := -Imach -Imach/include -Ifreestanding/include
KERNEL_CXXFLAGS := -std=c++20 -ffreestanding -fno-exceptions -fno-rtti -mno-red-zone \
	-mcmodel=kernel -mgeneral-regs-only -fno-pic -fno-pie -fno-stack-protector \
	-fno-omit-frame-pointer -mno-omit-leaf-frame-pointer -fno-asynchronous-unwind-tables \
	-fno-optimize-sibling-calls -fno-threadsafe-statics -fno-use-cxa-atexit -O2 -g $(WARNINGS) $(INCLUDES) -MMD -MP
KERNEL_ASFLAGS := -ffreestanding -fno-pic -fno-pie $(INCLUDES) -MMD -MP
KERNEL_LDFLAGS := -nostdlib -static -no-pie -Wl,-n -Wl,-z,max-page-size=0x1000 \
	-Wl,--no-dynamic-linker -Wl,--build-id=none -T mach/arch/x86_64/linker.ld

$(BUILD)/kernel/%.o: %.cpp config.mk
	@mkdir -p $(@D)
	$(CXX) $(KERNEL_CXXFLAGS) -c $< -o $@

$(BUILD)/kernel/%.S.o: %.S config.mk
	@mkdir -p $(@D)
	$(CXX) $(KERNEL_ASFLAGS) -c $< -o $@

# The console font: a PSF font from Debian's console-setup, turned into code.
$(BUILD)/kernel/generated/console_font.cpp: $(CONSOLE_FONT) mach/tools/psf_to_cpp.py
	@mkdir -p $(@D)
	$(PYTHON) mach/tools/psf_to_cpp.py $(CONSOLE_FONT) $@

$(BUILD)/kernel/generated/%.o: $(BUILD)/kernel/generated/%.cpp
	$(CXX) $(KERNEL_CXXFLAGS) -c $< -o $@

# The kernel carries its own symbol table for readable backtraces. It is
# linked twice: first without symbols, then with the table generated from the
# first link. The table is the image's last section, so adding it moves no
# function; ksyms.py --check verifies that.
$(BUILD)/kernel/ksyms_empty.o: mach/tools/ksyms.py
	@mkdir -p $(@D)
	$(PYTHON) mach/tools/ksyms.py --empty $(BUILD)/kernel/ksyms_empty.S
	$(CXX) $(KERNEL_ASFLAGS) -c $(BUILD)/kernel/ksyms_empty.S -o $@

$(BUILD)/kernel/mach.stage1.elf: $(KERNEL_OBJS) $(KERNEL_FONT_OBJ) $(BUILD)/kernel/ksyms_empty.o mach/arch/x86_64/linker.ld
	$(CXX) $(KERNEL_LDFLAGS) -o $@ $(KERNEL_OBJS) $(KERNEL_FONT_OBJ) $(BUILD)/kernel/ksyms_empty.o -lgcc

$(BUILD)/kernel/ksyms.o: $(BUILD)/kernel/mach.stage1.elf mach/tools/ksyms.py
	$(PYTHON) mach/tools/ksyms.py $< $(BUILD)/kernel/ksyms.S
	$(CXX) $(KERNEL_ASFLAGS) -c $(BUILD)/kernel/ksyms.S -o $@

$(BUILD)/mach.elf: $(BUILD)/kernel/ksyms.o
	$(CXX) $(KERNEL_LDFLAGS) -o $@ $(KERNEL_OBJS) $(KERNEL_FONT_OBJ) $(BUILD)/kernel/ksyms.o -lgcc
	$(PYTHON) mach/tools/ksyms.py --check $(BUILD)/kernel/mach.stage1.elf $@

# ------------------------------------------------------------------- ISO ---

ISO_ROOT := $(BUILD)/iso

$(BUILD)/portico.iso: $(BUILD)/mach.elf boot/grub.cfg $(ISO_MODULES) $(ISO_HURD)
	rm -rf $(ISO_ROOT)
	mkdir -p $(ISO_ROOT)/boot/grub $(ISO_ROOT)/boot/portico $(ISO_ROOT)/boot/hurd
	cp boot/grub.cfg $(ISO_ROOT)/boot/grub/grub.cfg
	cp $(BUILD)/mach.elf $(ISO_ROOT)/boot/portico/mach
	cp $(ISO_MODULES) $(ISO_ROOT)/boot/portico/
	cp $(ISO_HURD) $(ISO_ROOT)/boot/hurd/
	$(GRUB_MKRESCUE) -o $@ $(ISO_ROOT) 2>$(BUILD)/grub-mkrescue.log || { cat $(BUILD)/grub-mkrescue.log; exit 1; }

.PHONY: all iso kernel
all: $(BUILD)/portico.iso
iso: $(BUILD)/portico.iso
kernel: $(BUILD)/mach.elf

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
check: $(BUILD)/portico.iso $(BUILD)/unit_tests
	$(PYTHON) test/check.py --build $(BUILD) --qemu $(QEMU) \
		--ovmf-code $(OVMF_CODE) --ovmf-vars $(OVMF_VARS)

.PHONY: bench
bench: $(BUILD)/portico.iso
	$(PYTHON) test/bench/run_bench.py --build $(BUILD) --qemu $(QEMU)

.PHONY: clean distclean
clean:
	rm -rf $(BUILD)
distclean: clean
	rm -f config.mk

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)
