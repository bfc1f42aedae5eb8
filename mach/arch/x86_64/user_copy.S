/* Copying to and from user memory, surviving faults. A fault on the copy
 * instruction that the page fault handler cannot resolve (see
 * kern/user_fault.cpp) resumes at the fixup, which reports failure. */

    .text
    .code64

/* extern "C" int copy_bytes_checked(void* to, const void* from, size_t size)
 * Returns 0, or 1 if an access faulted (the copy then stopped partway). */
    .globl copy_bytes_checked
copy_bytes_checked:
    push %rbp
    mov %rsp, %rbp
    mov %rdx, %rcx
1:  rep movsb
    xor %eax, %eax
    pop %rbp
    ret
2:  mov $1, %eax
    pop %rbp
    ret

    .section .fault_fixups, "a"
    .balign 8
    .quad 1b, 2b

    .section .note.GNU-stack, "", @progbits
