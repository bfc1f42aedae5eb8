// A boot module (a file GRUB loaded: a server's program, the root file
// system's archive) mapped read-only into this task, from the kernel's
// copy (host_boot_module). How startup finds the first servers before
// there is a file system, and how tmpfs finds its archive.
#pragma once

#include <freestanding/result.h>
#include <stddef.h>
#include <stdint.h>

namespace exec {

class BootModule {
public:
    // The module whose command line starts with `name`; not_found if none.
    static Result<BootModule*> map(const char* name);
    // Unmaps it.
    static void unmap(BootModule* module);

    const uint8_t* bytes() const { return m_bytes; }
    size_t size() const { return m_size; }

private:
    const uint8_t* m_bytes = nullptr;
    size_t m_size = 0;
    uint64_t m_pages = 0; // bytes mapped
};

} // namespace exec
