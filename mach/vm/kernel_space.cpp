#include <vm/kernel_space.h>

#include <arch/x86_64/cpu.h>
#include <debug/log.h>
#include <vm/frame_allocator.h>
#include <vm/heap.h>
#include <vm/page_table.h>

// Section bounds from linker.ld (virtual addresses in the kernel image).
extern "C" char __kernel_phys_start[], __text_start[], __text_end[], __rodata_start[], __rodata_end[];
extern "C" char __data_start[], __data_end[], __ksyms_start[], __ksyms_end[], __kernel_end[];

namespace vm {

namespace {

constexpr uint32_t kMsrEfer = 0xc0000080;
constexpr uint64_t kEferNoExecuteEnable = 1ull << 11;
constexpr uint64_t kCr4PageGlobalEnable = 1ull << 7;

PageTable g_kernel_page_table;
bool g_no_execute_supported = false;

uint64_t virt_of(const char* symbol) { return reinterpret_cast<uint64_t>(symbol); }
PhysAddr image_phys(const char* symbol) { return virt_of(symbol) - kKernelBase; }

// Memory the direct map covers: RAM and firmware tables, not device holes.
bool is_direct_mapped(kern::MemoryType type)
{
    return type == kern::MemoryType::usable || type == kern::MemoryType::acpi_reclaimable
        || type == kern::MemoryType::acpi_nvs;
}

const char* type_name(kern::MemoryType type)
{
    switch (type) {
    case kern::MemoryType::usable: return "usable";
    case kern::MemoryType::reserved: return "reserved";
    case kern::MemoryType::acpi_reclaimable: return "ACPI tables";
    case kern::MemoryType::acpi_nvs: return "ACPI NVS";
    case kern::MemoryType::bad: return "bad";
    }
    return "unknown";
}

// Everything the frame allocator must never hand out: the kernel image, the
// boot modules and the boot information.
size_t collect_reserved(const kern::BootInfo& boot_info, PhysRange* reserved)
{
    size_t count = 0;
    // __kernel_phys_start is a physical address already (the low boot
    // section's); the end is a higher-half symbol.
    reserved[count++] = { virt_of(__kernel_phys_start), image_phys(__kernel_end) };
    for (size_t i = 0; i < boot_info.module_count; ++i)
        reserved[count++] = { boot_info.modules[i].start, boot_info.modules[i].end };
    if (boot_info.info_end > boot_info.info_start)
        reserved[count++] = { boot_info.info_start, boot_info.info_end };
    return count;
}

void log_memory_map(const kern::BootInfo& boot_info)
{
    uint64_t usable_bytes = 0;
    size_t usable_regions = 0;
    for (size_t i = 0; i < boot_info.memory_count; ++i) {
        const kern::MemoryRegion& region = boot_info.memory[i];
        kern::log("mem", "%#014lx-%#014lx %s", region.base, region.base + region.length - 1, type_name(region.type));
        if (region.type == kern::MemoryType::usable) {
            usable_bytes += region.length;
            ++usable_regions;
        }
    }
    size_t free_bytes = frame_allocator().free_frames() * kPageSize;
    kern::log(
        "mem", "%lu MiB usable in %lu regions, %lu MiB free", usable_bytes >> 20, usable_regions, free_bytes >> 20);
    if (boot_info.truncated)
        kern::log("mem", "warning: the boot information held more than the kernel keeps; some was dropped");
}

// The direct-mapped ranges, widened to whole pages, sorted and merged so
// that no two overlap (the memory map may list touching regions of
// different types that share a page).
size_t direct_map_ranges(const kern::BootInfo& boot_info, PhysRange* ranges)
{
    size_t count = 0;
    for (size_t i = 0; i < boot_info.memory_count; ++i) {
        const kern::MemoryRegion& region = boot_info.memory[i];
        if (!is_direct_mapped(region.type) || region.length == 0)
            continue;
        PhysRange range { align_down(region.base, kPageSize), align_up(region.base + region.length, kPageSize) };
        size_t at = count++;
        while (at > 0 && ranges[at - 1].start > range.start) {
            ranges[at] = ranges[at - 1];
            --at;
        }
        ranges[at] = range;
    }
    size_t merged = 0;
    for (size_t i = 0; i < count; ++i) {
        if (merged > 0 && ranges[i].start <= ranges[merged - 1].end) {
            if (ranges[i].end > ranges[merged - 1].end)
                ranges[merged - 1].end = ranges[i].end;
        } else {
            ranges[merged++] = ranges[i];
        }
    }
    return merged;
}

Result<void> map_physical_memory(PageTable& table, const kern::BootInfo& boot_info)
{
    PhysRange ranges[kern::BootInfo::kMaxMemoryRegions];
    size_t count = direct_map_ranges(boot_info, ranges);
    PageFlags flags = supported_page_flags(PageFlags::writable | PageFlags::no_execute | PageFlags::global);
    for (size_t i = 0; i < count; ++i)
        TRY(table.map_range(kDirectMapBase + ranges[i].start, ranges[i].start, ranges[i].end - ranges[i].start, flags));
    return {};
}

Result<void> map_image_section(PageTable& table, const char* start, const char* end, PageFlags flags)
{
    return table.map_range(virt_of(start), image_phys(start), virt_of(end) - virt_of(start),
        supported_page_flags(flags | PageFlags::global));
}

// The kernel image, each section with only the rights it needs: code is
// never writable, data never executable (W^X).
Result<void> map_kernel_image(PageTable& table)
{
    TRY(map_image_section(table, __text_start, __text_end, PageFlags::none));
    TRY(map_image_section(table, __rodata_start, __rodata_end, PageFlags::no_execute));
    TRY(map_image_section(table, __data_start, __data_end, PageFlags::writable | PageFlags::no_execute));
    TRY(map_image_section(table, __ksyms_start, __ksyms_end, PageFlags::no_execute));
    return {};
}

void switch_to(const PageTable& table)
{
    arch::write_cr3(table.root());
    // Global pages survive CR3 loads; turning PGE on also flushes the TLB.
    arch::write_cr4(arch::read_cr4() | kCr4PageGlobalEnable);
}

} // namespace

// boot.S sets EFER.NXE only when the CPU has NX; without it the bit in a
// page table entry is reserved and must stay clear.
PageFlags supported_page_flags(PageFlags flags)
{
    if (g_no_execute_supported)
        return flags;
    return static_cast<PageFlags>(static_cast<uint32_t>(flags) & ~static_cast<uint32_t>(PageFlags::no_execute));
}

Result<void> init_kernel_memory(const kern::BootInfo& boot_info)
{
    g_no_execute_supported = (arch::read_msr(kMsrEfer) & kEferNoExecuteEnable) != 0;

    PhysRange reserved[kern::BootInfo::kMaxModules + 2];
    size_t reserved_count = collect_reserved(boot_info, reserved);
    TRY(frame_allocator().init(
        boot_info.memory, boot_info.memory_count, reserved, reserved_count, PhysWindow::direct_map()));
    log_memory_map(boot_info);

    // The boot page tables reach only the first 4 GiB, so the kernel's own
    // tables must come from there until they are in use.
    PageTable table = TRY(PageTable::create(frame_allocator(), PhysWindow::direct_map(), Zone::low));
    TRY(map_physical_memory(table, boot_info));
    TRY(map_kernel_image(table));
    switch_to(table);
    g_kernel_page_table = static_cast<PageTable&&>(table);
    kern::log("vm", "kernel text r-x, rodata r--, data rw-%s; all RAM mapped at %#lx",
        g_no_execute_supported ? "" : " (no NX on this CPU: data is executable)", kDirectMapBase);

    kern::heap_init(kern::kernel_page_provider(), frame_allocator());
    return {};
}

Result<void*> map_device_memory(PhysAddr base, size_t length)
{
    if (length == 0 || base + length < base)
        return Error::invalid_argument;
    PageFlags flags = supported_page_flags(
        PageFlags::writable | PageFlags::no_execute | PageFlags::global | PageFlags::cache_disable);
    PhysAddr end = align_up(base + length, kPageSize);
    for (PhysAddr page = align_down(base, kPageSize); page < end; page += kPageSize) {
        VirtAddr virt = kDirectMapBase + page;
        // Device memory inside a RAM page is already in the direct map.
        if (g_kernel_page_table.translate(virt).ok())
            continue;
        TRY(g_kernel_page_table.map(virt, page, PageSize::k4K, flags));
        arch::invlpg(virt);
    }
    return reinterpret_cast<void*>(kDirectMapBase + base);
}

PageTable& kernel_page_table() { return g_kernel_page_table; }

} // namespace vm
