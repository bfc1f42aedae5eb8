/* The entry point of a Portico program. The kernel starts it with rsp at
 * argc (System V initial stack, 16-byte aligned) and clean registers. */
    .text
    .globl _start
_start:
    xor %ebp, %ebp
    mov %rsp, %rdi
    call mach_start             /* never returns */
    ud2

    .section .note.GNU-stack, "", @progbits
