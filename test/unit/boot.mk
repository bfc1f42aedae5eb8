# Host-compiled boot-time sources: the Multiboot2 parser, the kernel command
# line and the framebuffer console (test_multiboot2.cpp, test_cmdline.cpp,
# test_framebuffer_console.cpp). The generated console font is linked too,
# so the tests can check that psf_to_cpp.py put ASCII on the right glyphs.
UNIT_SRCS += mach/arch/x86_64/multiboot2.cpp mach/boot/cmdline.cpp mach/kern/console/framebuffer_console.cpp
UNIT_SRCS += $(BUILD)/kernel/generated/console_font.cpp
