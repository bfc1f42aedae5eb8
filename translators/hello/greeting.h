// hello's one node: a read-only file holding a text, which fsysopts can
// change (fsys SetOptions: the new text).
#pragma once

#include <freestanding/text.h>
#include <fs_server/node.h>
#include <heap/heap.h>

namespace hello {

class Greeting final : public fs::Node {
public:
    // Holds a copy of `text` (none if there is no memory: an empty file).
    explicit Greeting(const char* text)
    {
        stat.mode = fs::kRegular | 0444;
        stat.links = 1;
        stat.inode = 1;
        stat.block_size = 4096;
        (void)apply_options(text);
    }
    ~Greeting() override { heap::free(m_text); }

    Error read(uint64_t offset, uint8_t* out, uint32_t& amount) override
    {
        uint64_t length = stat.size;
        if (offset >= length)
            amount = 0;
        else if (amount > length - offset)
            amount = uint32_t(length - offset);
        for (uint32_t i = 0; i < amount; i++)
            out[i] = uint8_t(m_text[offset + i]);
        return Error::none;
    }

    // The options are the text.
    Error apply_options(const char* text) override
    {
        char* copy = TRY(heap::copy_text(text));
        heap::free(m_text);
        m_text = copy;
        stat.size = freestanding::text_length(copy);
        return Error::none;
    }

private:
    void destroy() override { heap::destroy(this); }

    char* m_text = nullptr;
};

} // namespace hello
