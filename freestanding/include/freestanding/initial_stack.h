// The System V x86-64 initial process stack, built in a buffer (by the
// kernel's program loader or by lib/exec) and then copied to the top of a
// new task's stack: argc, argv[], NULL, envp[], NULL, the auxiliary vector
// (AT_PHDR, AT_PHENT, AT_PHNUM, AT_PAGESZ, AT_ENTRY, AT_RANDOM, AT_NULL), then
// the 16 random bytes and the strings. rsp points at argc and is 16-byte
// aligned. Pure logic: host-tested.
#pragma once

#include <freestanding/elf_image.h>
#include <freestanding/result.h>
#include <stddef.h>
#include <stdint.h>

namespace freestanding {

constexpr size_t kMaxInitialArgs = 32;

// Auxiliary vector keys (the System V ABI's numbers).
enum AuxKey : uint64_t {
    kAtNull = 0,
    kAtPhdr = 3,
    kAtPhent = 4,
    kAtPhnum = 5,
    kAtPagesz = 6,
    kAtEntry = 9,
    kAtRandom = 25,
};

struct InitialStackInput {
    const char* const* argv; // argc strings
    size_t argc;
    const char* const* envp; // envc strings
    size_t envc;
    const ElfImage* image;
    uint8_t random[16];
};

struct InitialStack {
    uint64_t rsp; // the user stack pointer (address of argc)
    size_t size; // bytes used at the top of the buffer: [stack_top - size, stack_top)
};

// Lays the stack out in `buffer` (capacity bytes), whose end stands for user
// address `stack_top` (16-byte aligned). no_space if it does not fit,
// invalid_argument for too many strings.
Result<InitialStack> build_initial_stack(
    const InitialStackInput& input, uint8_t* buffer, size_t capacity, uint64_t stack_top);

// Splits `command_line` ("name arg1 arg2", spaces separate) into `storage`
// (copied, NUL-separated) and `argv`; returns argc. Double quotes make
// what they hold part of one word (`hello "Hi there"`); inside them a
// backslash before a quote or a backslash stands for that character.
// Extra words past kMaxInitialArgs, or a quote left open, are invalid_argument.
Result<size_t> split_arguments(
    const char* command_line, char* storage, size_t storage_size, const char* argv[kMaxInitialArgs]);

} // namespace freestanding
