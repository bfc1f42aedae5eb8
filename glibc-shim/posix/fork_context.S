/* ForkContext (fork_context.h): rip 0, rsp 8, rbx 16, rbp 24, r12 32, r13 40, r14 48, r15 56. */
    .text
    .globl __portico_fork_save
__portico_fork_save:
    mov (%rsp), %rax
    mov %rax, 0(%rdi)
    lea 8(%rsp), %rax
    mov %rax, 8(%rdi)
    mov %rbx, 16(%rdi)
    mov %rbp, 24(%rdi)
    mov %r12, 32(%rdi)
    mov %r13, 40(%rdi)
    mov %r14, 48(%rdi)
    mov %r15, 56(%rdi)
    xor %eax, %eax
    ret

    .globl __portico_fork_child_entry
__portico_fork_child_entry:
    mov 16(%rdi), %rbx
    mov 24(%rdi), %rbp
    mov 32(%rdi), %r12
    mov 40(%rdi), %r13
    mov 48(%rdi), %r14
    mov 56(%rdi), %r15
    mov 8(%rdi), %rsp
    mov $1, %eax
    jmp *0(%rdi)

    .section .note.GNU-stack, "", @progbits
