// The kernel log on the screen: starts a framebuffer console on whatever
// display the boot loader handed over (a linear framebuffer under UEFI and
// on most real machines, EGA text cells under a BIOS text mode).
#pragma once

#include <boot/boot_info.h>

namespace kern {

// Maps the boot framebuffer, clears it and adds it as a log sink. Without a
// usable framebuffer it logs why and the log stays on the serial port only.
// Needs vm::init_kernel_memory first.
void start_boot_console(const BootInfo& boot_info);

} // namespace kern
