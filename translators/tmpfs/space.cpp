#include "space.h"
#include <heap/heap.h>

namespace tmpfs {

Result<Space*> Space::create(uint64_t limit, uint64_t ram) { return heap::create<Space>(limit, ram); }

void Space::release()
{
    if (__atomic_sub_fetch(&m_references, 1, __ATOMIC_ACQ_REL) == 0)
        heap::destroy(this);
}

Error Space::take(uint64_t bytes)
{
    uint64_t used = __atomic_load_n(&m_used, __ATOMIC_RELAXED);
    for (;;) {
        uint64_t limit = __atomic_load_n(&m_limit, __ATOMIC_RELAXED);
        if (used > limit || bytes > limit - used)
            return Error::no_space;
        if (__atomic_compare_exchange_n(&m_used, &used, used + bytes, true, __ATOMIC_RELAXED, __ATOMIC_RELAXED))
            return Error::none;
    }
}

Result<uint64_t> parse_size(const char* text, uint64_t ram)
{
    constexpr uint64_t kMax = ~0ull / 1024 / 1024 / 1024 / 16;
    uint64_t value = 0;
    const char* at = text;
    for (; *at >= '0' && *at <= '9'; at++) {
        value = value * 10 + uint64_t(*at - '0');
        if (value > kMax)
            return Error::invalid_argument;
    }
    if (at == text || value == 0)
        return Error::invalid_argument;
    uint64_t scale = 1;
    switch (*at) {
    case '\0': return value;
    case 'k':
    case 'K': scale = 1ull << 10; break;
    case 'm':
    case 'M': scale = 1ull << 20; break;
    case 'g':
    case 'G': scale = 1ull << 30; break;
    case '%':
        if (at[1] != '\0' || value > 100 || ram == 0)
            return Error::invalid_argument;
        return ram / 100 * value + ram % 100 * value / 100;
    default: return Error::invalid_argument;
    }
    if (at[1] != '\0')
        return Error::invalid_argument;
    return value * scale;
}

} // namespace tmpfs
