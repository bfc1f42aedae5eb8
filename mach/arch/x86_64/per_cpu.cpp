#include <arch/x86_64/cpu.h>
#include <arch/x86_64/gdt.h>
#include <arch/x86_64/per_cpu.h>

extern "C" void syscall_entry();

namespace arch {
namespace {

constexpr uint32_t kEferMsr = 0xc0000080;
constexpr uint32_t kStarMsr = 0xc0000081;
constexpr uint32_t kLstarMsr = 0xc0000082;
constexpr uint32_t kFmaskMsr = 0xc0000084;
constexpr uint32_t kFsBaseMsr = 0xc0000100;
constexpr uint32_t kGsBaseMsr = 0xc0000101;
constexpr uint32_t kKernelGsBaseMsr = 0xc0000102;

constexpr uint64_t kEferSystemCallEnable = 1u << 0;
// Flags cleared on entry: TF, IF, DF, AC (the kernel runs with a known state).
constexpr uint64_t kSyscallFlagMask = (1u << 8) | (1u << 9) | (1u << 10) | (1u << 18);

static_assert(kUserDataSelector == 0x1b && kUserCodeSelector == 0x23, "syscall_entry.S hard-codes these");

PerCpu g_per_cpu;

} // namespace

void init_per_cpu_and_syscalls()
{
    // In the kernel GS points at PerCpu; in user mode the (swapped) user value is 0.
    write_msr(kGsBaseMsr, reinterpret_cast<uint64_t>(&g_per_cpu));
    write_msr(kKernelGsBaseMsr, 0);
    write_msr(kEferMsr, read_msr(kEferMsr) | kEferSystemCallEnable);
    // sysret takes user CS = base + 16 and SS = base + 8, with base = user data - 8.
    uint64_t sysret_base = (kUserDataSelector & ~3u) - 8;
    write_msr(kStarMsr, (uint64_t(sysret_base | 3) << 48) | (uint64_t(kKernelCodeSelector) << 32));
    write_msr(kLstarMsr, reinterpret_cast<uint64_t>(&syscall_entry));
    write_msr(kFmaskMsr, kSyscallFlagMask);
}

void set_kernel_entry_stack(uint64_t stack_top)
{
    g_per_cpu.kernel_stack_top = stack_top;
    set_kernel_stack(stack_top);
}

void set_user_fs_base(uint64_t base) { write_msr(kFsBaseMsr, base); }

} // namespace arch
