// Faults on purpose, as argv[1] says (null, ud, gp, de, kernel, io): the
// kernel must kill this task and keep running.
#include "checks.h"
#include <stdint.h>

using test_checks::same_text;

int main(int argc, char** argv, char**)
{
    const char* kind = argc > 1 ? argv[1] : "null";
    mach::Line() << "about to fault: " << kind;
    if (same_text(kind, "null"))
        *reinterpret_cast<volatile uint64_t*>(uintptr_t(0)) = 1;
    else if (same_text(kind, "ud"))
        asm volatile("ud2");
    else if (same_text(kind, "gp"))
        asm volatile("cli"); // privileged in user mode
    else if (same_text(kind, "de"))
        asm volatile("xor %%ecx, %%ecx; div %%ecx" : : : "eax", "ecx", "edx");
    else if (same_text(kind, "kernel"))
        *reinterpret_cast<volatile uint64_t*>(0xffffffff80200000ull) = 1;
    else if (same_text(kind, "io")) {
        uint8_t value; // a port never granted to this task
        asm volatile("inb $0x71, %0" : "=a"(value));
    }
    mach::Line() << "still alive after " << kind << ": the fault was missed";
    return 1;
}
