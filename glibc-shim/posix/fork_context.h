// What fork saves of the calling thread so that the child's first thread
// can go on from the same place (fork_context.S): the callee-saved
// registers, the stack pointer and where to return. The child's memory is
// a copy-on-write copy of the parent's taken after the save, stack
// included, so the child returns from the same call of fork.
#pragma once

#include <stdint.h>

struct ForkContext {
    uint64_t rip, rsp, rbx, rbp, r12, r13, r14, r15;
};

// Returns 0 after saving; returns 1 in the child, resumed by the entry below.
extern "C" __attribute__((returns_twice)) int __portico_fork_save(ForkContext* context);
// Where the child's first thread starts, with the context in rdi.
extern "C" [[noreturn]] void __portico_fork_child_entry(ForkContext* context);
