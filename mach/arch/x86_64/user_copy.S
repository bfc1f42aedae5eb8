/* Copying to and from user memory, surviving faults. A fault on the copy
 * instruction that the page fault handler cannot resolve (see
 * kern/user_fault.cpp) resumes at the fixup, which reports failure. */

    .text
    .code64

/* extern "C" int copy_bytes_checked(void* to, const void* from, size_t size)
 * Returns 0, or 1 if an access faulted (the copy then stopped partway).
 * Eight bytes at a time, then the rest. */
    .globl copy_bytes_checked
copy_bytes_checked:
    push %rbp
    mov %rsp, %rbp
    mov %rdx, %rcx
    shr $3, %rcx
1:  rep movsq
    mov %rdx, %rcx
    and $7, %rcx
3:  rep movsb
    xor %eax, %eax
    pop %rbp
    ret
2:  mov $1, %eax
    pop %rbp
    ret

    .section .fault_fixups, "a"
    .balign 8
    .quad 1b, 2b
    .quad 3b, 2b

    .section .note.GNU-stack, "", @progbits
