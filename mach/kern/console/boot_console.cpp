#include <kern/console/boot_console.h>

#include <arch/x86_64/cpu.h>
#include <debug/log.h>
#include <kern/console/framebuffer_console.h>
#include <vm/kernel_space.h>

namespace kern {

namespace {

FramebufferConsole g_boot_console;

const char* type_name(FramebufferType type)
{
    switch (type) {
    case FramebufferType::indexed: return "indexed colour";
    case FramebufferType::rgb: return "RGB";
    case FramebufferType::ega_text: return "EGA text";
    }
    return "unknown";
}

// The console draws its own cursor position; the VGA hardware cursor would
// only blink somewhere else (CRT controller register 0x0a, bit 5: cursor off).
void hide_ega_cursor()
{
    constexpr uint16_t kCrtIndex = 0x3d4;
    constexpr uint16_t kCrtData = 0x3d5;
    arch::outb(kCrtIndex, 0x0a);
    arch::outb(kCrtData, 0x20);
}

} // namespace

void start_boot_console(const BootInfo& boot_info)
{
    if (!boot_info.has_framebuffer) {
        log("console", "no framebuffer from the boot loader: log on the serial port only");
        return;
    }
    const FramebufferInfo& fb = boot_info.framebuffer;
    Result<void*> memory = vm::map_device_memory(fb.address, size_t(fb.pitch) * fb.height);
    if (!memory.ok()) {
        log("console", "cannot map the framebuffer at %#lx: %s", fb.address, error_name(memory.error()));
        return;
    }
    Result<FramebufferConsole> console = FramebufferConsole::create(fb, memory.value(), g_console_font);
    if (!console.ok()) {
        log("console", "cannot use the %s framebuffer (%ux%u, %u bpp): %s", type_name(fb.type), fb.width, fb.height,
            fb.bits_per_pixel, error_name(console.error()));
        return;
    }
    g_boot_console = console.release_value();
    if (fb.type == FramebufferType::ega_text)
        hide_ega_cursor();
    add_log_sink(g_boot_console);
    log("console", "%s framebuffer %ux%u, %u bpp, %ux%u characters", type_name(fb.type), fb.width, fb.height,
        fb.bits_per_pixel, g_boot_console.columns(), g_boot_console.rows());
}

} // namespace kern
