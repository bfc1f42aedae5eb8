// The kernel's segments and its task state segment (TSS). Long mode barely
// uses segments, but the CPU still needs code/data selectors for each
// privilege level, and the TSS holds the stacks interrupts switch to.
#pragma once

#include <stddef.h>
#include <stdint.h>

namespace arch {

// Selector values. The order (kernel code, kernel data, user data, user
// code) is what `syscall`/`sysret` require.
constexpr uint16_t kKernelCodeSelector = 0x08;
constexpr uint16_t kKernelDataSelector = 0x10;
constexpr uint16_t kUserDataSelector = 0x18 | 3;
constexpr uint16_t kUserCodeSelector = 0x20 | 3;
constexpr uint16_t kTssSelector = 0x28;

// Interrupt stack table slots (1-based, as the IDT encodes them): faults that
// may hit with a broken stack run on stacks of their own.
constexpr uint8_t kDoubleFaultStack = 1;
constexpr uint8_t kNmiStack = 2;
constexpr uint8_t kMachineCheckStack = 3;

// Loads the GDT and TSS of the boot CPU.
void init_gdt();

// Sets the stack the CPU switches to when an interrupt arrives in user mode.
void set_kernel_stack(uint64_t stack_top);

// The TSS's I/O permission bitmap (kIoMapBytes; a 0 bit lets user mode use
// that port). Only io_permission.cpp changes it.
constexpr size_t kIoMapBytes = 65536 / 8;
uint8_t* tss_io_map();

} // namespace arch
