// __portico_pages for the host tests of the libc: anonymous mmap, with a
// count of the bytes outstanding so tests can see memory really returned.
#include "support/shim.h"

#include <sys/mman.h>

namespace {
size_t g_outstanding = 0;
}

extern "C" void* __portico_pages(size_t bytes)
{
    void* pages = mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (pages == MAP_FAILED)
        return nullptr;
    g_outstanding += bytes;
    return pages;
}

extern "C" void __portico_pages_free(void* address, size_t bytes)
{
    munmap(address, bytes);
    g_outstanding -= bytes;
}

size_t shim_pages_outstanding() { return g_outstanding; }
