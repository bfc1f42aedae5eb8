// Faults on purpose, as argv[1] says (null, ud, gp, de): the kernel must
// kill this task and keep running.
#include <mach/print.h>
#include <stdint.h>

namespace {

bool same(const char* a, const char* b)
{
    while (*a && *a == *b)
        ++a, ++b;
    return *a == *b;
}

} // namespace

int main(int argc, char** argv, char**)
{
    const char* kind = argc > 1 ? argv[1] : "null";
    mach::Line() << "about to fault: " << kind;
    if (same(kind, "null"))
        *reinterpret_cast<volatile uint64_t*>(uintptr_t(0)) = 1;
    else if (same(kind, "ud"))
        asm volatile("ud2");
    else if (same(kind, "gp"))
        asm volatile("cli"); // privileged in user mode
    else if (same(kind, "de"))
        asm volatile("xor %%ecx, %%ecx; div %%ecx" : : : "eax", "ecx", "edx");
    else if (same(kind, "kernel"))
        *reinterpret_cast<volatile uint64_t*>(0xffffffff80200000ull) = 1;
    mach::Line() << "still alive after " << kind << ": the fault was missed";
    return 1;
}
