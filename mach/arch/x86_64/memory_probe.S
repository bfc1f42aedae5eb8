/* Memory probes with fault fixups. Each entry of the .fault_fixups section
 * is a pair (address of an instruction that may fault, where to resume). */

    .text
    .code64

/* extern "C" int probe_read_byte(const volatile void* address, uint8_t* value)
 * Returns 0 and stores the byte, or 1 if the read faulted. */
    .globl probe_read_byte
probe_read_byte:
    push %rbp
    mov %rsp, %rbp
1:  movb (%rdi), %al
    movb %al, (%rsi)
    xor %eax, %eax
    pop %rbp
    ret
2:  mov $1, %eax
    pop %rbp
    ret

/* extern "C" int probe_rewrite_byte(volatile void* address)
 * Reads the byte and writes it back; 0, or 1 if either access faulted. */
    .globl probe_rewrite_byte
probe_rewrite_byte:
    push %rbp
    mov %rsp, %rbp
3:  movb (%rdi), %al
4:  movb %al, (%rdi)
    xor %eax, %eax
    pop %rbp
    ret
5:  mov $1, %eax
    pop %rbp
    ret

    .section .fault_fixups, "a"
    .balign 8
    .quad 1b, 2b
    .quad 3b, 5b
    .quad 4b, 5b

    .section .note.GNU-stack, "", @progbits
