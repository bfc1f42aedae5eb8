// setjmp, sigsetjmp, longjmp and their aliases for x86-64 (System V).
// The buffer has glibc's layout (setjmp.h): eight quadwords (rbx, rbp, r12,
// r13, r14, r15, the caller's rsp, the return address), then the int
// "mask saved" flag at 64 and the saved sigset_t at 72.

#define JB_RBX 0
#define JB_RBP 8
#define JB_R12 16
#define JB_R13 24
#define JB_R14 32
#define JB_R15 40
#define JB_RSP 48
#define JB_RIP 56
#define JB_MASK_SAVED 64
#define JB_MASK 72
#define SIG_BLOCK 0
#define SIG_SETMASK 2

    .text

// Saves the callee-saved registers, the stack pointer as the caller will
// see it after the return, and the return address into the buffer at rdi.
.macro SAVE_REGISTERS
    movq %rbx, JB_RBX(%rdi)
    movq %rbp, JB_RBP(%rdi)
    movq %r12, JB_R12(%rdi)
    movq %r13, JB_R13(%rdi)
    movq %r14, JB_R14(%rdi)
    movq %r15, JB_R15(%rdi)
    leaq 8(%rsp), %rdx
    movq %rdx, JB_RSP(%rdi)
    movq (%rsp), %rdx
    movq %rdx, JB_RIP(%rdi)
.endm

// int setjmp(jmp_buf), int _setjmp(jmp_buf): the signal mask is not saved.
    .globl setjmp
    .type setjmp, @function
    .globl _setjmp
    .type _setjmp, @function
setjmp:
_setjmp:
    SAVE_REGISTERS
    movl $0, JB_MASK_SAVED(%rdi)
    xorl %eax, %eax
    ret
    .size setjmp, . - setjmp
    .size _setjmp, . - _setjmp

// int sigsetjmp(sigjmp_buf, int save_mask)
    .globl sigsetjmp
    .type sigsetjmp, @function
    .globl __sigsetjmp
    .type __sigsetjmp, @function
sigsetjmp:
__sigsetjmp:
    SAVE_REGISTERS
    movl $0, JB_MASK_SAVED(%rdi)
    testl %esi, %esi
    jz 1f
    movl $1, JB_MASK_SAVED(%rdi)
    // sigprocmask(SIG_BLOCK, NULL, &buffer->mask): reads the mask.
    leaq JB_MASK(%rdi), %rdx
    xorl %esi, %esi
    movl $SIG_BLOCK, %edi
    subq $8, %rsp                   // 16-byte alignment for the call
    call sigprocmask@PLT
    addq $8, %rsp
1:
    xorl %eax, %eax
    ret
    .size sigsetjmp, . - sigsetjmp
    .size __sigsetjmp, . - __sigsetjmp

// void longjmp(jmp_buf, int value), and the same under its other names:
// restores the signal mask if the buffer holds one, then the registers,
// and returns from the setjmp again with value (1 if value is 0).
    .globl longjmp
    .type longjmp, @function
    .globl _longjmp
    .type _longjmp, @function
    .globl siglongjmp
    .type siglongjmp, @function
longjmp:
_longjmp:
siglongjmp:
    cmpl $0, JB_MASK_SAVED(%rdi)
    je 1f
    // rbx and r12 are restored from the buffer below, so they may carry
    // the arguments across the call.
    movq %rdi, %rbx
    movl %esi, %r12d
    leaq JB_MASK(%rdi), %rsi
    xorl %edx, %edx
    movl $SIG_SETMASK, %edi
    andq $-16, %rsp
    call sigprocmask@PLT
    movq %rbx, %rdi
    movl %r12d, %esi
1:
    movl %esi, %eax
    testl %eax, %eax
    jnz 2f
    movl $1, %eax
2:
    movq JB_RBX(%rdi), %rbx
    movq JB_RBP(%rdi), %rbp
    movq JB_R12(%rdi), %r12
    movq JB_R13(%rdi), %r13
    movq JB_R14(%rdi), %r14
    movq JB_R15(%rdi), %r15
    movq JB_RSP(%rdi), %rsp
    jmpq *JB_RIP(%rdi)
    .size longjmp, . - longjmp
    .size _longjmp, . - _longjmp
    .size siglongjmp, . - siglongjmp

    .section .note.GNU-stack, "", @progbits
