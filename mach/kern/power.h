// Powering the machine off and restarting it (the device port's device_power).
#pragma once

#include <boot/boot_info.h>

namespace kern {

// Reads how to power off from the ACPI tables (FADT and \_S5).
void power_init(const BootInfo& boot);

// S5 through ACPI; if that does not stop the machine, the port QEMU's
// q35 and PIIX machines power off on. Returns only if nothing worked.
void power_off();
// The keyboard controller's reset line (QEMU with -no-reboot ends then).
void restart();

} // namespace kern
