/* Interrupt entry stubs. Each of the 256 vectors gets a stub that makes the
 * stack look the same (an error code, real or 0, then the vector number)
 * and jumps to one common path, which saves the registers as an
 * arch::InterruptFrame and calls interrupt_dispatch(frame). */

    .text
    .code64

/* Exceptions for which the CPU pushes an error code. */
#define HAS_ERROR_CODE(v) ((v) == 8 || ((v) >= 10 && (v) <= 14) || (v) == 17 || (v) == 21 || (v) == 29 || (v) == 30)

.macro interrupt_stub vector
    .balign 16
interrupt_stub_\vector:
    .if HAS_ERROR_CODE(\vector) == 0
    pushq $0
    .endif
    pushq $\vector
    jmp interrupt_common
.endm

.altmacro
.set vector, 0
.rept 256
    interrupt_stub %vector
    .set vector, vector + 1
.endr

interrupt_common:
    /* From user mode, swap in the kernel's GS base. */
    testb $3, 24(%rsp)
    jz 1f
    swapgs
1:  pushq %rax
    pushq %rbx
    pushq %rcx
    pushq %rdx
    pushq %rsi
    pushq %rdi
    pushq %rbp
    pushq %r8
    pushq %r9
    pushq %r10
    pushq %r11
    pushq %r12
    pushq %r13
    pushq %r14
    pushq %r15
    mov %rsp, %rdi
    /* A frame pointer chain through the interrupted code: the backtrace of
     * a fault then continues into the function that faulted. */
    mov %rsp, %rbp
    cld
    call interrupt_dispatch
    popq %r15
    popq %r14
    popq %r13
    popq %r12
    popq %r11
    popq %r10
    popq %r9
    popq %r8
    popq %rbp
    popq %rdi
    popq %rsi
    popq %rdx
    popq %rcx
    popq %rbx
    popq %rax
    testb $3, 24(%rsp)
    jz 2f
    swapgs
2:  add $16, %rsp                  /* vector and error code */
    iretq

/* The stubs' addresses, for the IDT. */
    .section .rodata
    .balign 8
    .globl interrupt_stub_table
interrupt_stub_table:
.macro stub_address vector
    .quad interrupt_stub_\vector
.endm
.set vector, 0
.rept 256
    stub_address %vector
    .set vector, vector + 1
.endr

    .section .note.GNU-stack, "", @progbits
