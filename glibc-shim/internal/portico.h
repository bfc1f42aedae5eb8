// internal/portico.h: what the libc's pure parts need from the OS layer
// besides POSIX calls (glibc-shim/posix/ implements these).
#pragma once

#include <stddef.h>

extern "C" {
// `bytes` (a multiple of the page size) of zeroed memory, page-aligned;
// NULL when there is none.
void* __portico_pages(size_t bytes);
// Returns pages obtained from __portico_pages; any page-aligned part of
// such a range may be returned alone.
void __portico_pages_free(void* address, size_t bytes);
}

namespace shim {

inline constexpr size_t k_page_size = 4096;

} // namespace shim
