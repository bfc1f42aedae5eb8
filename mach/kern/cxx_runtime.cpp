// What compiled C++ expects from its runtime, in a kernel without one.
#include <debug/panic.h>
#include <kern/cxx_runtime.h>

#include <stddef.h>

extern "C" {

using Constructor = void (*)();
extern const Constructor __init_array_start[];
extern const Constructor __init_array_end[];

// Called if a pure virtual function is ever reached through a broken object.
void __cxa_pure_virtual() { kern::panic("pure virtual function called"); }

} // extern "C"

// Objects are never deleted through operator delete in the kernel (they go
// back to their slab cache); a virtual destructor may still reference it.
void operator delete(void*) noexcept { kern::panic("operator delete called"); }
void operator delete(void*, size_t) noexcept { kern::panic("operator delete called"); }

namespace kern {

void run_global_constructors()
{
    for (const Constructor* constructor = __init_array_start; constructor != __init_array_end; ++constructor)
        (*constructor)();
}

} // namespace kern
