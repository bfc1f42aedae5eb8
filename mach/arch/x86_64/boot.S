/* Entry from GRUB (Multiboot2): 32-bit protected mode, paging off,
 * EAX = magic, EBX = physical address of the boot information.
 * We check for a 64-bit CPU, build temporary page tables, switch to long
 * mode and jump to the higher-half kernel. The temporary tables map the
 * first 4 GiB three times: identity (to survive the switch), at the direct
 * map base (how kernel_main reads boot information and builds the real
 * tables) and the first 1 GiB at KERNEL_BASE (the kernel image). */

#define KERNEL_BASE 0xffffffff80000000
#define PHYS(symbol) ((symbol) - KERNEL_BASE)

#define MULTIBOOT2_MAGIC 0xe85250d6
#define MULTIBOOT2_ARCH_I386 0

#define PAGE_PRESENT_WRITABLE 0x3
#define PAGE_LARGE 0x80

#define CR4_PAE (1 << 5)
#define CR0_PE (1 << 0)
#define CR0_WP (1 << 16)
#define CR0_PG (1 << 31)
#define MSR_EFER 0xc0000080
#define EFER_LME (1 << 8)
#define EFER_NXE (1 << 11)

/* ---- The Multiboot2 header: what we ask of GRUB. ---- */
    .section .multiboot2, "a"
    .balign 8
multiboot2_header:
    .long MULTIBOOT2_MAGIC
    .long MULTIBOOT2_ARCH_I386
    .long multiboot2_header_end - multiboot2_header
    .long -(MULTIBOOT2_MAGIC + MULTIBOOT2_ARCH_I386 + (multiboot2_header_end - multiboot2_header))

    /* Framebuffer, optional: a linear framebuffer if the firmware has one
     * (always on UEFI), any size; text mode is fine too. */
    .balign 8
    .short 5, 1
    .long 20
    .long 0, 0, 32

    /* Page-align modules: later, servers are mapped straight from them. */
    .balign 8
    .short 6, 0
    .long 8

    .balign 8
    .short 0, 0
    .long 8
multiboot2_header_end:

/* ---- 32-bit entry. ---- */
    .section .boot.text, "ax"
    .code32
    .globl _start
_start:
    cli
    cld
    mov %eax, %edi                 /* magic: first argument of kernel_main */
    mov %ebx, %esi                 /* boot information: second argument */
    mov $PHYS(boot_stack_top), %esp

    /* Long mode needs CPUID leaf 0x80000001, bit 29 of EDX. */
    mov $0x80000000, %eax
    cpuid
    cmp $0x80000001, %eax
    jb no_long_mode
    mov $0x80000001, %eax
    cpuid
    test $(1 << 29), %edx
    jz no_long_mode
    mov %edx, %ebp                 /* keep the feature bits for NX below */

    /* Page directories: 4 x 512 entries of 2 MiB = the first 4 GiB. */
    mov $PHYS(boot_page_directories), %ebx
    xor %ecx, %ecx
1:  mov %ecx, %eax
    shl $21, %eax                  /* low 32 bits of entry address */
    or $(PAGE_PRESENT_WRITABLE | PAGE_LARGE), %eax
    mov %eax, (%ebx, %ecx, 8)
    mov %ecx, %eax
    shr $11, %eax                  /* high bits: (index * 2 MiB) >> 32 */
    mov %eax, 4(%ebx, %ecx, 8)
    inc %ecx
    cmp $2048, %ecx
    jne 1b

    /* The low PDPT points at the four directories. */
    mov $PHYS(boot_pdpt_low), %edx
    mov $PHYS(boot_page_directories), %eax
    or $PAGE_PRESENT_WRITABLE, %eax
    mov %eax, 0(%edx)
    add $4096, %eax
    mov %eax, 8(%edx)
    add $4096, %eax
    mov %eax, 16(%edx)
    add $4096, %eax
    mov %eax, 24(%edx)

    /* The high PDPT maps the first 1 GiB at KERNEL_BASE (entry 510). */
    mov $PHYS(boot_pdpt_high), %edx
    mov $PHYS(boot_page_directories), %eax
    or $PAGE_PRESENT_WRITABLE, %eax
    mov %eax, (510 * 8)(%edx)

    /* PML4: identity (0), direct map (256), kernel (511). */
    mov $PHYS(boot_pml4), %edx
    mov $PHYS(boot_pdpt_low), %eax
    or $PAGE_PRESENT_WRITABLE, %eax
    mov %eax, 0(%edx)
    mov %eax, (256 * 8)(%edx)
    mov $PHYS(boot_pdpt_high), %eax
    or $PAGE_PRESENT_WRITABLE, %eax
    mov %eax, (511 * 8)(%edx)

    mov %cr4, %eax
    or $CR4_PAE, %eax
    mov %eax, %cr4
    mov $PHYS(boot_pml4), %eax
    mov %eax, %cr3

    /* Long mode, and no-execute pages when the CPU has them (bit 20). */
    mov $MSR_EFER, %ecx
    rdmsr
    or $EFER_LME, %eax
    test $(1 << 20), %ebp
    jz 2f
    or $EFER_NXE, %eax
2:  wrmsr

    mov %cr0, %eax
    or $(CR0_PG | CR0_WP | CR0_PE), %eax
    mov %eax, %cr0

    lgdt boot_gdt_pointer
    ljmp $0x08, $long_mode_entry

/* Without a 64-bit CPU we can only say so on the VGA text screen and stop. */
no_long_mode:
    mov $no_long_mode_message, %esi
    mov $0xb8000, %edi
3:  lodsb
    test %al, %al
    jz 4f
    mov $0x4f, %ah
    stosw
    jmp 3b
4:  hlt
    jmp 4b

    .code64
long_mode_entry:
    mov $0x10, %ax
    mov %ax, %ds
    mov %ax, %es
    mov %ax, %ss
    xor %eax, %eax
    mov %ax, %fs
    mov %ax, %gs
    movabs $kernel_entry_high, %rax
    jmp *%rax

    .section .boot.rodata, "a"
no_long_mode_message:
    .asciz "Portico needs a 64-bit (x86-64) CPU."

    .balign 8
boot_gdt:
    .quad 0
    .quad 0x00af9a000000ffff       /* 0x08: 64-bit code */
    .quad 0x00cf92000000ffff       /* 0x10: data */
boot_gdt_end:
boot_gdt_pointer:
    .short boot_gdt_end - boot_gdt - 1
    .long boot_gdt

/* ---- Now in the higher half. ---- */
    .text
    .code64
kernel_entry_high:
    movabs $boot_stack_top, %rsp
    xor %ebp, %ebp                 /* ends backtraces here */
    /* EDI = magic, ESI = physical address of the boot information. */
    mov %esi, %esi
    call kernel_main
5:  cli
    hlt
    jmp 5b

    .bss
    .balign 4096
boot_pml4:
    .skip 4096
boot_pdpt_low:
    .skip 4096
boot_pdpt_high:
    .skip 4096
boot_page_directories:
    .skip 4 * 4096
    .globl boot_stack_bottom, boot_stack_top
boot_stack_bottom:
    .skip 16384
boot_stack_top:

    .section .note.GNU-stack, "", @progbits
