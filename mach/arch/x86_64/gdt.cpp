#include <arch/x86_64/gdt.h>

#include <stddef.h>

namespace arch {
namespace {

struct [[gnu::packed]] TaskStateSegment {
    uint32_t reserved0;
    uint64_t rsp[3];
    uint64_t reserved1;
    uint64_t ist[7];
    uint64_t reserved2;
    uint16_t reserved3;
    uint16_t io_map_base;
};
static_assert(sizeof(TaskStateSegment) == 104);

struct [[gnu::packed]] DescriptorPointer {
    uint16_t limit;
    uint64_t base;
};

constexpr size_t kIstStackSize = 8192;

// Flat 64-bit segments: only the access byte and the L bit matter.
constexpr uint64_t kKernelCode = 0x00af9a000000ffffull;
constexpr uint64_t kKernelData = 0x00cf92000000ffffull;
constexpr uint64_t kUserData = 0x00cff2000000ffffull;
constexpr uint64_t kUserCode = 0x00affa000000ffffull;

// The TSS and right after it the I/O permission bitmap: one bit per port,
// 0 = allowed from user mode; the CPU reads one byte past the last port,
// which must be all ones.
struct [[gnu::packed]] TssWithIoMap {
    TaskStateSegment tss;
    uint8_t io_map[kIoMapBytes];
    uint8_t io_map_end;
};

alignas(16) uint64_t g_gdt[7];
TssWithIoMap g_tss_block;
TaskStateSegment& g_tss = g_tss_block.tss;
alignas(16) uint8_t g_ist_stacks[3][kIstStackSize];

// A 64-bit TSS descriptor takes two GDT slots.
void set_tss_descriptor(uint64_t* slot, uint64_t base, uint32_t limit)
{
    slot[0] = (limit & 0xffff) | ((base & 0xffffff) << 16) | (0x89ull << 40) | (uint64_t((limit >> 16) & 0xf) << 48)
        | (((base >> 24) & 0xff) << 56);
    slot[1] = base >> 32;
}

} // namespace

void init_gdt()
{
    g_gdt[0] = 0;
    g_gdt[1] = kKernelCode;
    g_gdt[2] = kKernelData;
    g_gdt[3] = kUserData;
    g_gdt[4] = kUserCode;
    for (int i = 0; i < 3; ++i)
        g_tss.ist[i] = reinterpret_cast<uint64_t>(&g_ist_stacks[i][kIstStackSize]);
    g_tss.io_map_base = sizeof(TaskStateSegment);
    for (uint8_t& byte : g_tss_block.io_map)
        byte = 0xff; // every port denied until a task is granted some
    g_tss_block.io_map_end = 0xff;
    set_tss_descriptor(&g_gdt[5], reinterpret_cast<uint64_t>(&g_tss_block), sizeof(g_tss_block) - 1);

    DescriptorPointer pointer { sizeof(g_gdt) - 1, reinterpret_cast<uint64_t>(g_gdt) };
    asm volatile("lgdt %0" : : "m"(pointer));
    // Reload CS with a far return, then the data segments and the TSS.
    asm volatile("pushq %[code]\n"
                 "leaq 1f(%%rip), %%rax\n"
                 "pushq %%rax\n"
                 "lretq\n"
                 "1:\n"
                 "mov %[data], %%ds\n"
                 "mov %[data], %%es\n"
                 "mov %[data], %%ss\n"
                 "ltr %[tss]\n"
                 :
                 : [code] "i"(uint64_t(kKernelCodeSelector)), [data] "r"(uint32_t(kKernelDataSelector)),
                 [tss] "r"(uint16_t(kTssSelector))
                 : "rax", "memory");
}

void set_kernel_stack(uint64_t stack_top) { g_tss.rsp[0] = stack_top; }

uint8_t* tss_io_map() { return g_tss_block.io_map; }

} // namespace arch
