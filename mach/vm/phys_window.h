// PhysWindow: how the kernel reaches physical memory. Physical memory is
// visible at a fixed virtual offset: in the kernel that offset is the direct
// map (kDirectMapBase); in host unit tests it is (buffer address - fake
// physical base), so that an ordinary buffer plays the part of RAM.
#pragma once

#include <stdint.h>
#include <vm/layout.h>

namespace vm {

class PhysWindow {
public:
    // A window that shows physical address 0 at virtual address `offset`.
    constexpr explicit PhysWindow(uint64_t offset = kDirectMapBase)
        : m_offset(offset)
    {
    }

    // The kernel's direct map of all physical memory.
    static constexpr PhysWindow direct_map() { return PhysWindow(kDirectMapBase); }

    // Where the byte at physical address `phys` can be read and written.
    void* to_virt(PhysAddr phys) const { return reinterpret_cast<void*>(phys + m_offset); }

    // The physical address of a byte reached through this window.
    PhysAddr to_phys(const void* virt) const { return reinterpret_cast<uint64_t>(virt) - m_offset; }

    // The window's offset (virtual address of physical 0; unsigned arithmetic wraps).
    constexpr uint64_t offset() const { return m_offset; }

private:
    uint64_t m_offset;
};

} // namespace vm
