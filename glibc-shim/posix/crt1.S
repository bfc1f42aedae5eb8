/* The entry point of a program built with portico-cc. The kernel starts it
 * with rsp at argc (System V initial stack, 16-byte aligned). */
    .text
    .globl _start
_start:
    xor %ebp, %ebp
    mov %rsp, %rdi
    call __libc_start           /* never returns */
    ud2

    .section .note.GNU-stack, "", @progbits
