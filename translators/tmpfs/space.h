// The room a tmpfs may use (its size= option): every node and every page
// of file data takes its bytes here, and gives them back when it goes.
// Past the limit a write or a new node gets no_space (ENOSPC). The limit
// may change while the file system runs (fsysopts /tmp --size=...): set
// below what is used, nothing new fits until enough is freed. The last
// 5% are root's: the file system asks (fs::Node::check_room) before it
// writes or creates for anyone else.
//
// Shared by the nodes of one tmpfs, each of which holds a reference: the
// space lives as long as the last of them. Any thread.
#pragma once

#include <freestanding/result.h>
#include <stdint.h>

namespace tmpfs {

class Space {
public:
    static constexpr uint64_t kUnlimited = ~0ull;

    // A space of `limit` bytes (the caller's reference), on a machine of
    // `ram` bytes (what a limit of "50%" is half of; 0: unknown).
    static Result<Space*> create(uint64_t limit, uint64_t ram = 0);

    void reference() { __atomic_add_fetch(&m_references, 1, __ATOMIC_RELAXED); }
    void release();

    // Takes `bytes`; no_space if they do not fit (nothing is taken then).
    Error take(uint64_t bytes);
    // Gives back bytes taken before.
    void give_back(uint64_t bytes) { __atomic_sub_fetch(&m_used, bytes, __ATOMIC_RELAXED); }

    // Whether the room left is more than what is kept for root: a
    // twentieth of the limit (5%, as ext2 keeps).
    bool beyond_reserve() const
    {
        uint64_t limit = this->limit();
        uint64_t reserve = limit == kUnlimited ? 0 : limit / 20;
        return used() + reserve < limit;
    }
    uint64_t used() const { return __atomic_load_n(&m_used, __ATOMIC_RELAXED); }
    uint64_t limit() const { return __atomic_load_n(&m_limit, __ATOMIC_RELAXED); }
    void set_limit(uint64_t limit) { __atomic_store_n(&m_limit, limit, __ATOMIC_RELAXED); }
    uint64_t ram() const { return m_ram; }

    Space(uint64_t limit, uint64_t ram)
        : m_limit(limit)
        , m_ram(ram)
    {
    }

private:
    uint64_t m_limit;
    uint64_t m_ram;
    uint64_t m_used = 0;
    uint32_t m_references = 1;
};

// Reads a size= value: bytes, with an optional K, M or G suffix (powers of
// 1024), or a percentage of `ram` bytes ("50%"). invalid_argument for
// anything else, for 0, for a percentage outside 1..100, and for a
// percentage when `ram` is 0 (unknown).
Result<uint64_t> parse_size(const char* text, uint64_t ram);

} // namespace tmpfs
