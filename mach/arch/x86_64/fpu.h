// FPU/SSE register state of user threads. The kernel itself never touches
// these registers (-mgeneral-regs-only), so a thread's state only has to be
// saved and restored when the CPU switches threads.
#pragma once

#include <stdint.h>

namespace arch {

// The fxsave64 image (x87, MMX, SSE registers and MXCSR).
struct alignas(16) FpuState {
    uint8_t bytes[512];
};

// Enables SSE for user mode (CR0.MP, !CR0.EM, CR4.OSFXSR, CR4.OSXMMEXCPT).
void init_fpu();

// Fills `state` with the power-on defaults (all exceptions masked).
void reset_fpu_state(FpuState& state);

// Saves the CPU's FPU/SSE registers into `state`.
inline void save_fpu_state(FpuState& state) { asm volatile("fxsave64 %0" : "=m"(state)); }

// Loads the CPU's FPU/SSE registers from `state`.
inline void restore_fpu_state(const FpuState& state) { asm volatile("fxrstor64 %0" : : "m"(state)); }

} // namespace arch
