// malloc and friends over __portico_pages.
//
// Memory comes in regions aligned to 64 KiB, each starting with a header
// whose first word says what it is:
// - a *run*: one 64 KiB region cut into blocks of one size class (16 to
//   2048 bytes), with a bitmap of the blocks handed out;
// - a *large* block: whole pages holding one allocation.
// free(p) finds the header at p rounded down to 64 KiB, after checking in a
// hash set (RegionSet) that malloc really owns that region: a stray pointer
// or a second free is reported and the program aborts, without reading
// memory that may not be mapped. Empty runs and large blocks go back to the
// system (one empty run per size class is kept for reuse).
//
// FIXME: single-threaded (Portico programs have one thread for now).
#include <errno.h>
#include <internal/portico.h>
#include <stdlib.h>
#include <stdlib/region_set.h>
#include <string.h>
#include <unistd.h>

namespace shim::heap {
namespace {

constexpr size_t k_region_size = 64 * 1024;
constexpr uint32_t k_run_magic = 0x6e757221; // "!run"
constexpr uint32_t k_large_magic = 0x67726c21; // "!lrg"
constexpr size_t k_minimum_block = 16;
constexpr size_t k_max_blocks = k_region_size / k_minimum_block;
constexpr size_t k_class_sizes[]
    = { 16, 32, 48, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384, 448, 512, 640, 768, 1024, 1360, 2048 };
constexpr int k_class_count = sizeof k_class_sizes / sizeof k_class_sizes[0];
constexpr size_t k_largest_small = k_class_sizes[k_class_count - 1];
// Requests above this fail at once (more than the address space could hold).
constexpr size_t k_largest_request = size_t { 1 } << 46;

struct FreeBlock {
    FreeBlock* next;
};

struct Run {
    uint32_t magic;
    uint32_t class_index;
    uint32_t block_size;
    uint32_t block_count;
    uint32_t used_count;
    uint32_t fresh_index; // blocks from here on were never handed out
    FreeBlock* free_list;
    Run* previous; // in the size class's list of runs with room
    Run* next;
    uint64_t in_use[k_max_blocks / 64];

    unsigned char* first_block() { return reinterpret_cast<unsigned char*>(this) + k_first_block_offset; }
    static const size_t k_first_block_offset;
};
constexpr size_t round_up(size_t value, size_t to) { return (value + to - 1) / to * to; }
const size_t Run::k_first_block_offset = round_up(sizeof(Run), k_minimum_block);

struct Large {
    uint32_t magic;
    uint32_t offset; // from the region start to the block
    size_t mapped_bytes; // pages kept, from the region start
};

struct SizeClass {
    Run* with_room = nullptr;
    size_t run_count = 0;
};

SizeClass g_classes[k_class_count];
RegionSet g_regions;

[[noreturn]] void report_corruption(const char* what)
{
    static const char prefix[] = "malloc: ";
    write(2, prefix, sizeof prefix - 1);
    write(2, what, strlen(what));
    write(2, "\n", 1);
    abort();
}

// The smallest class for each size in 16-byte steps up to k_largest_small.
struct ClassTable {
    unsigned char index[k_largest_small / k_minimum_block + 1];
    constexpr ClassTable()
        : index()
    {
        int class_index = 0;
        for (size_t step = 0; step <= k_largest_small / k_minimum_block; ++step) {
            while (k_class_sizes[class_index] < step * k_minimum_block)
                ++class_index;
            index[step] = static_cast<unsigned char>(class_index);
        }
    }
};
constexpr ClassTable k_class_table;

// size: 1..k_largest_small.
int class_for(size_t size) { return k_class_table.index[(size + k_minimum_block - 1) / k_minimum_block]; }

// bytes of pages starting at a 64 KiB boundary, registered in g_regions.
// Reserves 64 KiB more than asked and returns the unaligned ends.
void* aligned_region(size_t bytes)
{
    size_t reserved = bytes + k_region_size;
    auto* start = static_cast<unsigned char*>(__portico_pages(reserved));
    if (start == nullptr)
        return nullptr;
    uintptr_t base = round_up(reinterpret_cast<uintptr_t>(start), k_region_size);
    size_t head = base - reinterpret_cast<uintptr_t>(start);
    size_t tail = reserved - head - bytes;
    if (head != 0)
        __portico_pages_free(start, head);
    if (tail != 0)
        __portico_pages_free(reinterpret_cast<void*>(base + bytes), tail);
    if (!g_regions.insert(base)) {
        __portico_pages_free(reinterpret_cast<void*>(base), bytes);
        return nullptr;
    }
    return reinterpret_cast<void*>(base);
}

void release_region(void* base, size_t bytes)
{
    g_regions.remove(reinterpret_cast<uintptr_t>(base));
    __portico_pages_free(base, bytes);
}

void link_with_room(SizeClass& size_class, Run* run)
{
    run->previous = nullptr;
    run->next = size_class.with_room;
    if (run->next != nullptr)
        run->next->previous = run;
    size_class.with_room = run;
}

void unlink_with_room(SizeClass& size_class, Run* run)
{
    if (run->previous != nullptr)
        run->previous->next = run->next;
    else
        size_class.with_room = run->next;
    if (run->next != nullptr)
        run->next->previous = run->previous;
    run->previous = run->next = nullptr;
}

Run* new_run(int class_index)
{
    auto* run = static_cast<Run*>(aligned_region(k_region_size));
    if (run == nullptr)
        return nullptr;
    run->magic = k_run_magic;
    run->class_index = static_cast<uint32_t>(class_index);
    run->block_size = static_cast<uint32_t>(k_class_sizes[class_index]);
    run->block_count = static_cast<uint32_t>((k_region_size - Run::k_first_block_offset) / run->block_size);
    ++g_classes[class_index].run_count;
    link_with_room(g_classes[class_index], run);
    return run;
}

void* allocate_small(int class_index)
{
    SizeClass& size_class = g_classes[class_index];
    Run* run = size_class.with_room;
    if (run == nullptr && (run = new_run(class_index)) == nullptr)
        return nullptr;
    unsigned char* block;
    if (run->free_list != nullptr) {
        block = reinterpret_cast<unsigned char*>(run->free_list);
        run->free_list = run->free_list->next;
    } else {
        block = run->first_block() + size_t { run->fresh_index++ } * run->block_size;
    }
    size_t index = static_cast<size_t>(block - run->first_block()) / run->block_size;
    run->in_use[index / 64] |= uint64_t { 1 } << (index % 64);
    if (++run->used_count == run->block_count)
        unlink_with_room(size_class, run);
    return block;
}

void free_small(Run* run, unsigned char* block)
{
    if (block < run->first_block())
        report_corruption("free() of a pointer inside a heap header");
    size_t offset = static_cast<size_t>(block - run->first_block());
    size_t index = offset / run->block_size;
    if (offset % run->block_size != 0 || index >= run->fresh_index)
        report_corruption("free() of a pointer that malloc did not return");
    uint64_t bit = uint64_t { 1 } << (index % 64);
    if ((run->in_use[index / 64] & bit) == 0)
        report_corruption("double free");
    run->in_use[index / 64] &= ~bit;
    SizeClass& size_class = g_classes[run->class_index];
    if (run->used_count-- == run->block_count)
        link_with_room(size_class, run);
    auto* freed = reinterpret_cast<FreeBlock*>(block);
    freed->next = run->free_list;
    run->free_list = freed;
    // An empty run goes back to the system unless it is the class's last one.
    if (run->used_count == 0 && size_class.run_count > 1) {
        unlink_with_room(size_class, run);
        --size_class.run_count;
        release_region(run, k_region_size);
    }
}

// A large block whose start is a multiple of alignment (a power of two,
// at least 16 and below 64 KiB).
void* allocate_large(size_t size, size_t alignment)
{
    size_t offset = round_up(sizeof(Large), alignment);
    size_t mapped = round_up(offset + size, k_page_size);
    auto* large = static_cast<Large*>(aligned_region(mapped));
    if (large == nullptr)
        return nullptr;
    large->magic = k_large_magic;
    large->offset = static_cast<uint32_t>(offset);
    large->mapped_bytes = mapped;
    return reinterpret_cast<unsigned char*>(large) + offset;
}

void free_large(Large* large, unsigned char* block)
{
    if (block != reinterpret_cast<unsigned char*>(large) + large->offset)
        report_corruption("free() of a pointer into the middle of a block");
    release_region(large, large->mapped_bytes);
}

void* allocate(size_t size, size_t alignment)
{
    if (size > k_largest_request) {
        errno = ENOMEM;
        return nullptr;
    }
    void* block = nullptr;
    // Small blocks are 16-byte aligned (every class size is a multiple of 16).
    if (alignment <= k_minimum_block && size <= k_largest_small)
        block = allocate_small(class_for(size == 0 ? 1 : size));
    else
        block = allocate_large(size, alignment < k_minimum_block ? k_minimum_block : alignment);
    if (block == nullptr)
        errno = ENOMEM;
    return block;
}

// The header of the region holding block, or a report of a stray pointer.
uint32_t* header_of(void* block)
{
    uintptr_t base = reinterpret_cast<uintptr_t>(block) & ~(k_region_size - 1);
    if (!g_regions.contains(base))
        report_corruption("free() of a pointer that malloc did not return (or a second free)");
    return reinterpret_cast<uint32_t*>(base);
}

size_t usable_size(void* block)
{
    uint32_t* header = header_of(block);
    if (*header == k_run_magic)
        return reinterpret_cast<Run*>(header)->block_size;
    auto* large = reinterpret_cast<Large*>(header);
    return large->mapped_bytes - large->offset;
}

// Alignments malloc can give: powers of two below the region size.
bool alignment_supported(size_t alignment)
{
    return alignment != 0 && (alignment & (alignment - 1)) == 0 && alignment < k_region_size;
}

} // namespace

// Bytes of pages the heap holds now (runs, large blocks, the region table).
size_t pages_in_use()
{
    size_t bytes = g_regions.table_bytes();
    for (const SizeClass& size_class : g_classes)
        bytes += size_class.run_count * k_region_size;
    return bytes;
}

} // namespace shim::heap

using namespace shim::heap;

extern "C" {

void* malloc(size_t size) { return allocate(size, k_minimum_block); }

void free(void* block)
{
    if (block == nullptr)
        return;
    uint32_t* header = header_of(block);
    if (*header == k_run_magic)
        free_small(reinterpret_cast<Run*>(header), static_cast<unsigned char*>(block));
    else if (*header == k_large_magic)
        free_large(reinterpret_cast<Large*>(header), static_cast<unsigned char*>(block));
    else
        report_corruption("heap header overwritten");
}

void* calloc(size_t count, size_t size)
{
    size_t bytes;
    if (__builtin_mul_overflow(count, size, &bytes)) {
        errno = ENOMEM;
        return nullptr;
    }
    void* block = malloc(bytes);
    // Large blocks are fresh pages, zeroed already.
    if (block != nullptr && *header_of(block) == k_run_magic)
        memset(block, 0, bytes);
    return block;
}

void* realloc(void* block, size_t size)
{
    if (block == nullptr)
        return malloc(size);
    if (size == 0) {
        free(block);
        return nullptr;
    }
    size_t usable = usable_size(block);
    // Keep the block when it fits and is not more than twice too big.
    if (size <= usable && (usable <= k_largest_small || size > usable / 2))
        return block;
    void* moved = malloc(size);
    if (moved == nullptr)
        return nullptr;
    memcpy(moved, block, size < usable ? size : usable);
    free(block);
    return moved;
}

void* reallocarray(void* block, size_t count, size_t size)
{
    size_t bytes;
    if (__builtin_mul_overflow(count, size, &bytes)) {
        errno = ENOMEM;
        return nullptr;
    }
    return realloc(block, bytes);
}

int posix_memalign(void** result, size_t alignment, size_t size)
{
    if (alignment % sizeof(void*) != 0 || (alignment & (alignment - 1)) != 0)
        return EINVAL;
    if (!alignment_supported(alignment))
        return ENOMEM;
    int saved_errno = errno;
    void* block = allocate(size, alignment);
    errno = saved_errno;
    if (block == nullptr)
        return ENOMEM;
    *result = block;
    return 0;
}

void* aligned_alloc(size_t alignment, size_t size)
{
    if (!alignment_supported(alignment)) {
        errno = EINVAL;
        return nullptr;
    }
    return allocate(size, alignment);
}

void* memalign(size_t alignment, size_t size) { return aligned_alloc(alignment, size); }
void* valloc(size_t size) { return allocate(size, shim::k_page_size); }

size_t malloc_usable_size(void* block) { return block == nullptr ? 0 : usable_size(block); }

} // extern "C"
