/* Kernel thread switching. A thread that is not running keeps its
 * callee-saved registers on its own kernel stack; its saved stack pointer is
 * all the scheduler remembers. Everything else (caller-saved registers, the
 * user registers, FPU state) has been saved by the code that got here. */

    .text
    .code64

/* void arch_context_switch(uint64_t* save_rsp, uint64_t next_rsp)
 * Saves the current thread's stack pointer through save_rsp and resumes the
 * thread whose stack pointer is next_rsp; returns when switched back to. */
    .globl arch_context_switch
arch_context_switch:
    pushq %rbp
    pushq %rbx
    pushq %r12
    pushq %r13
    pushq %r14
    pushq %r15
    mov %rsp, (%rdi)
    mov %rsi, %rsp
    popq %r15
    popq %r14
    popq %r13
    popq %r12
    popq %rbx
    popq %rbp
    ret

/* The first "return address" of a new thread (see arch/x86_64/thread_stack.h):
 * r12 holds the entry function, r13 its argument. */
    .globl arch_thread_trampoline
arch_thread_trampoline:
    xor %ebp, %ebp              /* ends backtraces here */
    mov %r12, %rdi
    mov %r13, %rsi
    call thread_trampoline_entry
    ud2                         /* thread_trampoline_entry never returns */

    .section .note.GNU-stack, "", @progbits
