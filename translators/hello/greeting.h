// hello's one node: a read-only file holding a text.
#pragma once

#include <base/text.h>
#include <fs/node.h>
#include <heap/heap.h>

namespace hello {

class Greeting final : public fs::Node {
public:
    explicit Greeting(const char* text) : m_text(text), m_length(base::text_length(text))
    {
        stat.mode = fs::kRegular | 0444;
        stat.size = m_length;
        stat.links = 1;
        stat.inode = 1;
        stat.block_size = 4096;
    }

    Error read(uint64_t offset, uint8_t* out, uint32_t& amount) override
    {
        if (offset >= m_length)
            amount = 0;
        else if (amount > m_length - offset)
            amount = uint32_t(m_length - offset);
        for (uint32_t i = 0; i < amount; i++)
            out[i] = uint8_t(m_text[offset + i]);
        return Error::none;
    }

private:
    void destroy() override { heap::destroy(this); }

    const char* m_text; // not owned: outlives the node
    uint64_t m_length;
};

} // namespace hello
