#include <kern/power.h>

#include <arch/x86_64/acpi_tables.h>
#include <arch/x86_64/cpu.h>
#include <boot/firmware_memory.h>
#include <debug/log.h>
#include <kern/clock.h>

namespace kern {
namespace {

arch::PowerControl g_power;
bool g_have_power = false;

constexpr uint16_t kSleepEnable = 1u << 13;
constexpr uint16_t kQemuPm1aControl = 0x604; // q35's and PIIX4's PM base + 4
constexpr uint16_t kKeyboardController = 0x64;
constexpr uint8_t kPulseReset = 0xfe;

void enter_s5(uint16_t port, uint8_t sleep_type)
{
    if (port)
        arch::outw(port, uint16_t(sleep_type << 10) | kSleepEnable);
}

} // namespace

void power_init(const BootInfo& boot)
{
    Result<arch::PowerControl> power
        = arch::read_power_control(boot.acpi_rsdp, boot.acpi_rsdp_size, read_firmware_memory, nullptr);
    if (!power.ok()) {
        log("power", "no ACPI soft-off (%s): power off tries QEMU's port only", error_name(power.error()));
        return;
    }
    g_power = power.value();
    g_have_power = true;
}

void power_off()
{
    log("power", "powering off");
    if (g_have_power) {
        enter_s5(g_power.pm1a_control, g_power.sleep_type_a);
        enter_s5(g_power.pm1b_control, g_power.sleep_type_b);
        delay_ns(100'000'000);
    }
    enter_s5(kQemuPm1aControl, 0);
    delay_ns(100'000'000);
}

void restart()
{
    log("power", "restarting");
    arch::outb(kKeyboardController, kPulseReset);
    delay_ns(100'000'000);
}

} // namespace kern
