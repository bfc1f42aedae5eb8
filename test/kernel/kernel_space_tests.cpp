// Self tests of the kernel's own address space: the rights each section of
// the image has in the live page tables, the direct map, device mappings.
#include <arch/x86_64/memory_probe.h>
#include <kernel/ktest.h>
#include <vm/frame_allocator.h>
#include <vm/kernel_space.h>
#include <vm/page_table.h>

extern "C" char __text_start[], __rodata_start[], __data_start[];
extern "C" void kernel_main(uint32_t, uint64_t);

namespace {

int g_writable_object = 7;
const int g_read_only_object = 11;

vm::PageFlags flags_at(const void* address)
{
    Result<vm::Translation> translation = vm::kernel_page_table().translate(reinterpret_cast<VirtAddr>(address));
    return translation.ok() ? translation.value().flags : vm::PageFlags::none;
}

bool writable(const void* address) { return has_flags(flags_at(address), vm::PageFlags::writable); }

} // namespace

KTEST(kernel_text_and_rodata_cannot_be_written)
{
    // The CPU enforces it (CR0.WP): a write probe faults and is caught.
    KEXPECT(!arch::probe_write(reinterpret_cast<volatile void*>(&kernel_main)));
    KEXPECT(!arch::probe_write(const_cast<int*>(&g_read_only_object)));
    KEXPECT(arch::probe_write(&g_writable_object));
    KEXPECT(g_writable_object == 7);
    KEXPECT(!writable(__text_start));
    KEXPECT(!writable(__rodata_start));
    KEXPECT(writable(__data_start));
}

KTEST(kernel_data_is_not_executable)
{
    uint32_t a, b, c, d;
    asm volatile("cpuid" : "=a"(a), "=b"(b), "=c"(c), "=d"(d) : "a"(0x80000001u), "c"(0));
    bool cpu_has_nx = d & (1u << 20);
    KEXPECT(!has_flags(flags_at(__text_start), vm::PageFlags::no_execute));
    KEXPECT(has_flags(flags_at(__rodata_start), vm::PageFlags::no_execute) == cpu_has_nx);
    KEXPECT(has_flags(flags_at(&g_writable_object), vm::PageFlags::no_execute) == cpu_has_nx);
}

KTEST(kernel_direct_map_reaches_allocated_frames)
{
    // Any frame the allocator hands out is reachable through the direct map.
    Result<PhysAddr> frame = vm::frame_allocator().allocate(0, vm::Zone::any);
    KEXPECT(frame.ok());
    if (!frame.ok())
        return;
    volatile uint64_t* word = static_cast<volatile uint64_t*>(vm::PhysWindow::direct_map().to_virt(frame.value()));
    KEXPECT(arch::probe_write(word));
    *word = 0x1234abcd;
    KEXPECT(*word == 0x1234abcd);
    Result<vm::Translation> translation = vm::kernel_page_table().translate(reinterpret_cast<VirtAddr>(word));
    KEXPECT(translation.ok() && translation.value().phys == frame.value());
    vm::frame_allocator().free(frame.value());
}

KTEST(kernel_device_mapping_is_uncached_and_idempotent)
{
    // The local APIC page was mapped at boot; mapping it again is harmless.
    constexpr PhysAddr kLapic = 0xfee00000;
    Result<void*> first = vm::map_device_memory(kLapic, 16);
    Result<void*> second = vm::map_device_memory(kLapic, 16);
    KEXPECT(first.ok() && second.ok());
    if (first.ok() && second.ok())
        KEXPECT(first.value() == second.value());
    if (first.ok())
        KEXPECT(has_flags(flags_at(first.value()), vm::PageFlags::cache_disable));
    KEXPECT(!vm::map_device_memory(kLapic, 0).ok());
    KEXPECT(!vm::map_device_memory(~0ull - 8, 64).ok());
}
