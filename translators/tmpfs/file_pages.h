// A tmpfs file's bytes: 4 KiB pages found through a radix tree of index
// pages (512 slots each), as deep as the file is long — none for a file
// of one page, one level up to 2 MiB, two up to 1 GiB, three up to
// 512 GiB. Pages are made when written (a hole reads as zeros, and costs
// nothing) and freed when the file shrinks; every page, data or index,
// takes its 4 KiB from the file system's Space. Bytes past the file's
// size in its last page are kept zero, so that growing it shows zeros.
#pragma once

#include "space.h"

#include <freestanding/result.h>
#include <stdint.h>

namespace tmpfs {

class FilePages {
public:
    static constexpr uint64_t kPageSize = 4096;
    static constexpr uint32_t kSlotBits = 9; // 512 slots in an index page
    static constexpr uint32_t kMaxDepth = 3;
    static constexpr uint64_t kMaxPages = 1ull << (kSlotBits * kMaxDepth);

    FilePages() = default;
    FilePages(const FilePages&) = delete;
    FilePages& operator=(const FilePages&) = delete;

    // The page at `index`, or null for a hole.
    uint8_t* find(uint64_t index) const;
    // The page at `index`, made (zeroed) if it is a hole; no_space when
    // `space` has no room for it (and the index pages on the way).
    Result<uint8_t*> make(uint64_t index, Space& space);
    // Frees the pages at `first` and after (and the index pages left empty).
    void free_from(uint64_t first, Space& space);
    // Pages held now, data and index (what the file costs).
    uint64_t pages() const { return m_pages; }

private:
    // Pages a tree of `depth` index levels reaches.
    static uint64_t reach(uint32_t depth) { return 1ull << (kSlotBits * depth); }
    Result<void*> new_page(Space& space);
    void free_page(void* page, Space& space);
    // Frees what `slot` (at `depth` levels above the data, covering pages
    // from `base`) holds at `first` and after; true if it is empty now.
    bool free_below(void*& slot, uint32_t depth, uint64_t base, uint64_t first, Space& space);

    void* m_root = nullptr; // a data page (depth 0) or an index page
    uint32_t m_depth = 0;
    uint64_t m_pages = 0;
};

} // namespace tmpfs
