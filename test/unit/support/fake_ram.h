// Fake physical memory for host tests: an anonymous mapping plays the RAM
// at physical [base, base + size), seen through a PhysWindow the way the
// kernel sees real RAM through its direct map. Pages never touched cost
// nothing, so a test can fake gigabytes.
#pragma once

#include <catch.hpp>
#include <sys/mman.h>
#include <vm/frame_allocator.h>
#include <vm/phys_window.h>

namespace test_support {

class FakeRam {
public:
    FakeRam(PhysAddr base, uint64_t size)
        : m_base(base)
        , m_size(size)
    {
        m_memory = mmap(nullptr, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
        REQUIRE(m_memory != MAP_FAILED);
    }
    ~FakeRam() { munmap(m_memory, m_size); }
    FakeRam(const FakeRam&) = delete;
    FakeRam& operator=(const FakeRam&) = delete;

    // The window through which this RAM is reached at its physical addresses.
    vm::PhysWindow window() const { return vm::PhysWindow(reinterpret_cast<uint64_t>(m_memory) - m_base); }

    // True if the whole range lies in this RAM.
    bool backs(vm::PhysRange range) const { return range.start >= m_base && range.end <= m_base + m_size; }

private:
    PhysAddr m_base;
    uint64_t m_size;
    void* m_memory;
};

// Fake RAM all usable and managed by a frame allocator.
class FakeMachine {
public:
    FakeMachine(PhysAddr base, uint64_t size)
        : ram(base, size)
    {
        kern::MemoryRegion region { base, size, kern::MemoryType::usable };
        REQUIRE(frames.init(&region, 1, nullptr, 0, ram.window()).ok());
    }

    vm::PhysWindow window() const { return ram.window(); }

    FakeRam ram;
    vm::FrameAllocator frames;
};

} // namespace test_support
