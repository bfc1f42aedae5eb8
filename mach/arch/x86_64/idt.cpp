#include <arch/x86_64/exceptions.h>
#include <arch/x86_64/gdt.h>
#include <arch/x86_64/idt.h>
#include <debug/panic.h>
#include <kern/scheduler.h>

#include <stddef.h>

extern "C" const uint64_t interrupt_stub_table[256];

namespace arch {
namespace {

struct [[gnu::packed]] IdtEntry {
    uint16_t offset_low;
    uint16_t selector;
    uint8_t ist;
    uint8_t type_attributes;
    uint16_t offset_middle;
    uint32_t offset_high;
    uint32_t reserved;
};
static_assert(sizeof(IdtEntry) == 16);

struct [[gnu::packed]] IdtPointer {
    uint16_t limit;
    uint64_t base;
};

constexpr uint8_t kInterruptGate = 0x8e; // present, ring 0, 64-bit interrupt gate

alignas(16) IdtEntry g_idt[256];
InterruptHandler g_handlers[256];

IdtEntry make_gate(uint64_t handler, uint8_t ist)
{
    return IdtEntry { uint16_t(handler), kKernelCodeSelector, ist, kInterruptGate, uint16_t(handler >> 16),
        uint32_t(handler >> 32), 0 };
}

uint8_t stack_for_vector(size_t vector)
{
    switch (vector) {
    case 2: return kNmiStack;
    case 8: return kDoubleFaultStack;
    case 18: return kMachineCheckStack;
    default: return 0;
    }
}

} // namespace

void init_idt()
{
    for (size_t vector = 0; vector < 256; ++vector)
        g_idt[vector] = make_gate(interrupt_stub_table[vector], stack_for_vector(vector));
    IdtPointer pointer { sizeof(g_idt) - 1, reinterpret_cast<uint64_t>(g_idt) };
    asm volatile("lidt %0" : : "m"(pointer));
}

void set_interrupt_handler(uint8_t vector, InterruptHandler handler)
{
    if (vector < kFirstIrqVector)
        kern::panic("set_interrupt_handler: vector %u is an exception", vector);
    g_handlers[vector] = handler;
}

} // namespace arch

extern "C" void interrupt_dispatch(arch::InterruptFrame* frame)
{
    if (frame->vector < arch::kFirstIrqVector) {
        arch::handle_exception(*frame);
    } else if (arch::InterruptHandler handler = arch::g_handlers[frame->vector]) {
        handler(*frame);
        kern::Scheduler::preempt_if_needed();
    }
    // A killed thread never goes back to user mode.
    if (frame->from_user_mode() && kern::Scheduler::running() && kern::Scheduler::current().kill_pending())
        kern::Scheduler::exit_current();
}
