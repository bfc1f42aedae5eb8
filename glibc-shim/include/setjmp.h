/* setjmp.h: non-local jumps; jmp_buf has glibc's x86-64 layout (eight
   saved registers, a "mask saved" flag, the saved signal mask). */
#ifndef _SETJMP_H
#define _SETJMP_H 1

#include <bits/sigset.h>
#include <features.h>

/* rbx, rbp, r12, r13, r14, r15, rsp, return address. */
typedef long __jmp_buf[8];

struct __jmp_buf_tag {
    __jmp_buf __jmpbuf;
    int __mask_was_saved;
    __sigset_t __saved_mask;
};

typedef struct __jmp_buf_tag jmp_buf[1];
typedef struct __jmp_buf_tag sigjmp_buf[1];

__BEGIN_DECLS

int setjmp(jmp_buf environment) __attribute__((__returns_twice__));
int _setjmp(jmp_buf environment) __attribute__((__returns_twice__));
int sigsetjmp(sigjmp_buf environment, int save_mask) __attribute__((__returns_twice__));
void longjmp(jmp_buf environment, int value) __attribute__((__noreturn__));
void _longjmp(jmp_buf environment, int value) __attribute__((__noreturn__));
void siglongjmp(sigjmp_buf environment, int value) __attribute__((__noreturn__));

__END_DECLS

#endif
