#include "fuzz_bounded.h"

#include <cstring>
#include <random>
#include <vector>

namespace fuzz {
namespace {

// Bytes a parser treats specially more often than a uniform byte would hit them.
constexpr uint8_t kInteresting[]
    = { 0, 1, 2, 3, 4, 7, 8, 15, 16, 31, 32, 47, 0x3f, 0x40, 0x7f, 0x80, 0xfe, 0xff, '/', '.', 'a', '\0' };

class InputMaker {
public:
    InputMaker(uint64_t seed, size_t max_size)
        : m_random(seed)
        , m_max_size(max_size ? max_size : 1)
    {
    }

    const std::vector<uint8_t>& next()
    {
        if (m_pool.empty() || below(4) == 0)
            fresh();
        else
            mutate(m_pool[below(m_pool.size())]);
        if (m_pool.size() < kPoolSize)
            m_pool.push_back(m_input);
        else
            m_pool[below(kPoolSize)] = m_input;
        return m_input;
    }

private:
    static constexpr size_t kPoolSize = 64;

    size_t below(size_t bound) { return bound ? size_t(m_random() % bound) : 0; }

    uint8_t byte()
    {
        switch (below(4)) {
        case 0: return uint8_t(below(16)); // small: counts, selectors
        case 1: return kInteresting[below(sizeof(kInteresting))];
        default: return uint8_t(m_random());
        }
    }

    // Short inputs most of the time: most targets read a few bytes per step.
    size_t length()
    {
        size_t limit = below(8) == 0 ? m_max_size : (m_max_size < 256 ? m_max_size : 256);
        return below(limit + 1);
    }

    void fresh()
    {
        m_input.resize(length());
        for (uint8_t& b : m_input)
            b = byte();
    }

    void mutate(std::vector<uint8_t> from)
    {
        int edits = 1 + int(below(4));
        for (int i = 0; i < edits; i++) {
            size_t at = below(from.size() + 1);
            switch (below(5)) {
            case 0: // change a byte
                if (at < from.size())
                    from[at] = byte();
                break;
            case 1: // insert bytes
                for (size_t n = below(8) + 1; n && from.size() < m_max_size; n--)
                    from.insert(from.begin() + std::ptrdiff_t(at), byte());
                break;
            case 2: // erase bytes
                from.erase(
                    from.begin() + std::ptrdiff_t(at), from.begin() + std::ptrdiff_t(at + below(from.size() - at + 1)));
                break;
            case 3: { // splice in part of another input
                const std::vector<uint8_t>& other = m_pool[below(m_pool.size())];
                size_t start = below(other.size() + 1);
                size_t n = below(other.size() - start + 1);
                if (from.size() + n <= m_max_size)
                    from.insert(from.begin() + std::ptrdiff_t(at), other.begin() + std::ptrdiff_t(start),
                        other.begin() + std::ptrdiff_t(start + n));
                break;
            }
            default: // flip a bit
                if (at < from.size())
                    from[at] ^= uint8_t(1u << below(8));
                break;
            }
        }
        if (from.size() > m_max_size)
            from.resize(m_max_size);
        m_input = std::move(from);
    }

    std::mt19937_64 m_random;
    size_t m_max_size;
    std::vector<std::vector<uint8_t>> m_pool;
    std::vector<uint8_t> m_input;
};

} // namespace

const Target* find_target(const char* name)
{
    for (Registration* r = registered_targets(); r; r = r->next) {
        if (std::strcmp(r->target->name, name) == 0)
            return r->target;
    }
    return nullptr;
}

size_t run_bounded(const Target& target, uint64_t seed, size_t count)
{
    if (target.start)
        target.start();
    InputMaker maker(seed, target.max_size);
    size_t ran = 0;
    for (; ran < count; ran++) {
        const std::vector<uint8_t>& input = maker.next();
        target.run(input.data(), input.size());
    }
    if (target.finish)
        target.finish();
    return ran;
}

} // namespace fuzz
