// The user-space heap (lib/heap): size classes, large blocks, typed caches.
#include <catch.hpp>
#include <heap/heap.h>

#include <cstring>
#include <vector>

namespace {

struct Node {
    uint64_t id;
    uint32_t flags;
    explicit Node(uint64_t i)
        : id(i)
        , flags(7)
    {
    }
};

} // namespace

TEST_CASE("user heap: blocks of every size are distinct, aligned and keep what is written")
{
    struct Block {
        uint8_t* bytes;
        size_t size;
        uint8_t fill;
    };
    std::vector<Block> blocks;
    for (size_t size : { 1, 15, 16, 17, 100, 2048, 2049, 4096, 5000, 100000 }) {
        for (int copy = 0; copy < 3; copy++) {
            auto* bytes = static_cast<uint8_t*>(heap::allocate(size).value());
            REQUIRE(bytes != nullptr);
            CHECK(reinterpret_cast<uintptr_t>(bytes) % 16 == 0);
            uint8_t fill = uint8_t(blocks.size() + 1);
            std::memset(bytes, fill, size);
            blocks.push_back({ bytes, size, fill });
        }
    }
    // No block overlaps another: each still holds its own fill.
    for (const Block& block : blocks) {
        for (size_t i = 0; i < block.size; i += 97)
            REQUIRE(block.bytes[i] == block.fill);
        REQUIRE(block.bytes[block.size - 1] == block.fill);
    }
    for (const Block& block : blocks)
        heap::free(block.bytes);
    heap::free(nullptr);
}

TEST_CASE("user heap: create and destroy objects, in a cache of their own too")
{
    Node* loose = heap::create<Node>(5u).value();
    CHECK(loose->id == 5);
    CHECK(loose->flags == 7);
    heap::destroy(loose);
    heap::Cache<Node> nodes("test.nodes");
    std::vector<Node*> made;
    for (uint64_t i = 0; i < 1000; i++)
        made.push_back(nodes.create(i).value());
    CHECK(nodes.stats().objects_in_use == 1000);
    CHECK(nodes.stats().object_size == sizeof(Node));
    for (Node* node : made)
        nodes.destroy(node);
    CHECK(nodes.stats().objects_in_use == 0);
}
