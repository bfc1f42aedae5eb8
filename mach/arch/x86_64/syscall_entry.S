/* The `syscall` instruction lands here with interrupts off (FMASK), the user
 * stack still loaded, the return rip in rcx and rflags in r11. The kernel
 * stack comes from PerCpu (%gs:0, see per_cpu.h). syscall_dispatch may
 * enable interrupts; it returns with them off again. */

    .text
    .code64
    .globl syscall_entry
syscall_entry:
    swapgs
    mov %rsp, %gs:8
    mov %gs:0, %rsp
    pushq %gs:8                 /* user rsp */
    pushq %rcx                  /* user rip */
    pushq %r11                  /* user rflags */
    pushq %rax
    pushq %rdi
    pushq %rsi
    pushq %rdx
    pushq %r10
    pushq %r8
    pushq %r9
    pushq %rbp                  /* callee-saved, but cleared below */
    mov %rsp, %rdi
    xor %ebp, %ebp              /* backtraces stop at the user boundary */
    sub $8, %rsp                /* 16-byte alignment for the call */
    cld
    call syscall_dispatch       /* checks that the return rip is canonical */
    add $8, %rsp
    popq %rbp
    popq %r9
    popq %r8
    popq %r10
    popq %rdx
    popq %rsi
    popq %rdi
    popq %rax
    popq %r11
    popq %rcx
    popq %rsp                   /* interrupts are off: nothing runs on this stack */
    swapgs
    sysretq

/* void arch_enter_user_mode(uint64_t rip, uint64_t rsp, uint64_t argument):
 * leaves the kernel for the first time in a new user thread, with clean
 * registers but for `argument` in rdi. */
    .globl arch_enter_user_mode
arch_enter_user_mode:
    cli
    pushq $0x1b                 /* user data selector (gdt.h) */
    pushq %rsi
    pushq $0x202                /* IF */
    pushq $0x23                 /* user code selector */
    pushq %rdi
    mov %rdx, %rdi
    xor %eax, %eax
    xor %ebx, %ebx
    xor %ecx, %ecx
    xor %edx, %edx
    xor %esi, %esi
    xor %ebp, %ebp
    xor %r8d, %r8d
    xor %r9d, %r9d
    xor %r10d, %r10d
    xor %r11d, %r11d
    xor %r12d, %r12d
    xor %r13d, %r13d
    xor %r14d, %r14d
    xor %r15d, %r15d
    swapgs
    iretq

    .section .note.GNU-stack, "", @progbits
