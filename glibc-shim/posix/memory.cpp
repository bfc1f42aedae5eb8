// Memory for malloc (glibc-shim/stdlib): whole pages from the kernel.
#include <stddef.h>

#include "process_state.h"

extern "C" void* __portico_pages(size_t bytes)
{
    uint64_t address = 0;
    if (bytes == 0
        || mach::vm_allocate(posix::process_state().self.task, &address, bytes, mach::kVmAnywhere) != Error::none)
        return nullptr;
    return reinterpret_cast<void*>(address); // zero-filled on first touch
}

extern "C" void __portico_pages_free(void* address, size_t bytes)
{
    constexpr size_t kPage = 4096;
    size_t rounded = (bytes + kPage - 1) & ~(kPage - 1);
    (void)mach::vm_deallocate(posix::process_state().self.task, reinterpret_cast<uint64_t>(address), rounded);
}
