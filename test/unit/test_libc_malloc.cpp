// glibc-shim's malloc: contents survive, alignment, realloc, memory really
// returned, bad frees abort (checked in a child process), and the overhead
// figure for many small blocks.
#include "support/child_process.h"
#include "support/shim.h"

#include <algorithm>
#include <catch.hpp>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <random>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

using test_support::aborts;
using test_support::run_in_child;

TEST_CASE("shim malloc gives distinct, writable, 16-byte aligned blocks of every size")
{
    std::vector<std::pair<unsigned char*, size_t>> blocks;
    for (size_t size = 0; size < 5000; size += 37) {
        auto* block = static_cast<unsigned char*>(shim_malloc(size));
        REQUIRE(block != nullptr);
        REQUIRE(reinterpret_cast<uintptr_t>(block) % 16 == 0);
        REQUIRE(shim_malloc_usable_size(block) >= size);
        std::memset(block, static_cast<int>(size & 0xff), size);
        blocks.emplace_back(block, size);
    }
    for (auto [block, size] : blocks) {
        for (size_t i = 0; i < size; ++i)
            REQUIRE(block[i] == (size & 0xff));
        shim_free(block);
    }
    shim_free(nullptr);
}

TEST_CASE("shim calloc zeroes reused blocks and refuses overflowing sizes")
{
    void* dirty = shim_malloc(64);
    std::memset(dirty, 0xff, 64);
    shim_free(dirty);
    auto* clean = static_cast<unsigned char*>(shim_calloc(8, 8));
    REQUIRE(clean != nullptr);
    for (int i = 0; i < 64; ++i)
        REQUIRE(clean[i] == 0);
    shim_free(clean);
    shim_errno() = 0;
    CHECK(shim_calloc(SIZE_MAX / 2, 3) == nullptr);
    CHECK(shim_errno() == ENOMEM);
    CHECK(shim_malloc(SIZE_MAX - 10) == nullptr);
}

TEST_CASE("shim realloc keeps the contents when growing and shrinking")
{
    auto* block = static_cast<unsigned char*>(shim_realloc(nullptr, 10));
    for (int i = 0; i < 10; ++i)
        block[i] = static_cast<unsigned char>(i);
    for (size_t size : { 100u, 3000u, 200000u, 50u }) {
        block = static_cast<unsigned char*>(shim_realloc(block, size));
        REQUIRE(block != nullptr);
        for (int i = 0; i < 10; ++i)
            REQUIRE(block[i] == i);
    }
    CHECK(shim_realloc(block, 0) == nullptr);
}

TEST_CASE("shim posix_memalign and aligned_alloc honour the alignment")
{
    for (size_t alignment : { 8u, 16u, 32u, 64u, 256u, 4096u, 32768u }) {
        void* block = nullptr;
        REQUIRE(shim_posix_memalign(&block, alignment, 100) == 0);
        CHECK(reinterpret_cast<uintptr_t>(block) % alignment == 0);
        std::memset(block, 1, 100);
        shim_free(block);
    }
    void* block = nullptr;
    CHECK(shim_posix_memalign(&block, 24, 10) == EINVAL);
    CHECK(shim_posix_memalign(&block, 4, 10) == EINVAL);
    void* aligned = shim_aligned_alloc(128, 1000);
    CHECK(reinterpret_cast<uintptr_t>(aligned) % 128 == 0);
    shim_free(aligned);
}

TEST_CASE("shim free returns pages to the system")
{
    size_t before = shim_pages_outstanding();
    std::vector<void*> blocks;
    for (int i = 0; i < 20000; ++i)
        blocks.push_back(shim_malloc(100));
    void* large = shim_malloc(1 << 20);
    CHECK(shim_pages_outstanding() > before + (1 << 20) + 20000 * 100);
    for (void* block : blocks)
        shim_free(block);
    shim_free(large);
    // One run per size class may stay cached, plus the region table.
    CHECK(shim_pages_outstanding() <= before + 2 * 64 * 1024);
}

TEST_CASE("shim free aborts on a double free, a stray pointer and an interior pointer")
{
    CHECK(aborts([] {
        void* block = shim_malloc(32);
        shim_free(block);
        shim_free(block);
    }));
    CHECK(aborts([] {
        void* large = shim_malloc(100000);
        shim_free(large);
        shim_free(large);
    }));
    CHECK(aborts([] {
        static char not_from_malloc[64];
        shim_free(not_from_malloc);
    }));
    CHECK(aborts([] {
        auto* block = static_cast<char*>(shim_malloc(64));
        shim_free(block + 16);
    }));
    // A correct program in the same child setup exits normally.
    int fine = run_in_child([] { shim_free(shim_malloc(32)); });
    CHECK((WIFEXITED(fine) && WEXITSTATUS(fine) == 0));
}

TEST_CASE("shim malloc overhead for 1e5 blocks of 32 bytes")
{
    size_t before = shim_pages_outstanding();
    std::vector<void*> blocks;
    blocks.reserve(100000);
    for (int i = 0; i < 100000; ++i)
        blocks.push_back(shim_malloc(32));
    size_t pages = shim_pages_outstanding() - before;
    size_t payload = 100000 * 32;
    long overhead = static_cast<long>(pages) - static_cast<long>(payload);
    std::printf("bench malloc_32_bytes_overhead %ld bytes\n", overhead);
    // Runs are 64 KiB with a ~600-byte header: a few percent at most.
    CHECK(overhead < static_cast<long>(payload / 10));
    for (void* block : blocks)
        shim_free(block);
}

TEST_CASE("shim malloc survives a random mix of allocations, reallocations and frees")
{
    std::mt19937 generator(7);
    struct Live {
        unsigned char* block;
        size_t size;
        unsigned char fill;
    };
    std::vector<Live> live;
    auto intact = [](const Live& entry) {
        for (size_t i = 0; i < entry.size; ++i) {
            if (entry.block[i] != entry.fill)
                return false;
        }
        return true;
    };
    for (int step = 0; step < 20000; ++step) {
        unsigned int action = generator() % 10;
        if (action < 5 || live.empty()) {
            // Mostly small sizes, sometimes large ones.
            size_t size = generator() % 8 == 0 ? generator() % 200000 : generator() % 600;
            auto* block = static_cast<unsigned char*>(shim_malloc(size));
            REQUIRE(block != nullptr);
            auto fill = static_cast<unsigned char>(generator());
            std::memset(block, fill, size);
            live.push_back(Live { block, size, fill });
        } else if (action < 7) {
            Live& entry = live[generator() % live.size()];
            size_t size = generator() % 5000;
            auto* block = static_cast<unsigned char*>(shim_realloc(entry.block, size == 0 ? 1 : size));
            REQUIRE(block != nullptr);
            size_t kept = std::min(entry.size, size == 0 ? size_t { 1 } : size);
            for (size_t i = 0; i < kept; ++i)
                REQUIRE(block[i] == entry.fill);
            entry.block = block;
            entry.size = size == 0 ? 1 : size;
            std::memset(block, entry.fill, entry.size);
        } else {
            size_t index = generator() % live.size();
            REQUIRE(intact(live[index]));
            shim_free(live[index].block);
            live[index] = live.back();
            live.pop_back();
        }
    }
    for (const Live& entry : live) {
        REQUIRE(intact(entry));
        shim_free(entry.block);
    }
}
