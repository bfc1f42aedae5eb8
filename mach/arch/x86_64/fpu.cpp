#include <arch/x86_64/cpu.h>
#include <arch/x86_64/fpu.h>
#include <freestanding/string.h>

namespace arch {
namespace {

constexpr uint64_t kCr0MonitorCoprocessor = 1u << 1;
constexpr uint64_t kCr0Emulation = 1u << 2;
constexpr uint64_t kCr0TaskSwitched = 1u << 3;
constexpr uint64_t kCr4Osfxsr = 1u << 9;
constexpr uint64_t kCr4Osxmmexcpt = 1u << 10;

constexpr uint16_t kDefaultFpuControl = 0x037f; // all x87 exceptions masked, 64-bit precision
constexpr uint32_t kDefaultMxcsr = 0x1f80; // all SSE exceptions masked, round to nearest

} // namespace

void init_fpu()
{
    write_cr0((read_cr0() | kCr0MonitorCoprocessor) & ~(kCr0Emulation | kCr0TaskSwitched));
    write_cr4(read_cr4() | kCr4Osfxsr | kCr4Osxmmexcpt);
}

void reset_fpu_state(FpuState& state)
{
    memset(state.bytes, 0, sizeof(state.bytes));
    // The fxsave64 layout: FCW at offset 0, MXCSR at offset 24.
    memcpy(&state.bytes[0], &kDefaultFpuControl, sizeof(kDefaultFpuControl));
    memcpy(&state.bytes[24], &kDefaultMxcsr, sizeof(kDefaultMxcsr));
}

} // namespace arch
