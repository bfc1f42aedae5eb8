#include <catch.hpp>
#include <freestanding/initial_stack.h>

#include <cstring>
#include <string>
#include <vector>

using freestanding::build_initial_stack;
using freestanding::ElfImage;
using freestanding::InitialStackInput;
using freestanding::split_arguments;

namespace {

constexpr uint64_t kStackTop = 0x7fffffff0000;

// Reads the 8-byte word at user address `address` from the buffer that ends at kStackTop.
uint64_t word_at(const std::vector<uint8_t>& buffer, uint64_t address)
{
    uint64_t value;
    std::memcpy(&value, buffer.data() + buffer.size() - (kStackTop - address), 8);
    return value;
}

std::string string_at(const std::vector<uint8_t>& buffer, uint64_t address)
{
    return std::string(reinterpret_cast<const char*>(buffer.data() + buffer.size() - (kStackTop - address)));
}

} // namespace

TEST_CASE("initial stack: argc, argv, envp and auxv in System V order", "[stack]")
{
    ElfImage image {};
    image.entry = 0x401000;
    image.program_headers_address = 0x400040;
    image.program_header_size = 56;
    image.program_header_count = 3;
    const char* argv[] = { "hello", "a", "world" };
    const char* envp[] = { "HOME=/" };
    InitialStackInput input { argv, 3, envp, 1, &image, {} };
    for (int i = 0; i < 16; ++i)
        input.random[i] = uint8_t(i + 1);
    std::vector<uint8_t> buffer(4096);
    auto stack = build_initial_stack(input, buffer.data(), buffer.size(), kStackTop);
    REQUIRE(stack.ok());
    uint64_t rsp = stack.value().rsp;
    CHECK(rsp % 16 == 0);
    CHECK(kStackTop - rsp <= stack.value().size);
    CHECK(word_at(buffer, rsp) == 3);
    CHECK(string_at(buffer, word_at(buffer, rsp + 8)) == "hello");
    CHECK(string_at(buffer, word_at(buffer, rsp + 16)) == "a");
    CHECK(string_at(buffer, word_at(buffer, rsp + 24)) == "world");
    CHECK(word_at(buffer, rsp + 32) == 0);
    CHECK(string_at(buffer, word_at(buffer, rsp + 40)) == "HOME=/");
    CHECK(word_at(buffer, rsp + 48) == 0);
    uint64_t aux = rsp + 56;
    std::vector<std::pair<uint64_t, uint64_t>> entries;
    for (;; aux += 16) {
        entries.emplace_back(word_at(buffer, aux), word_at(buffer, aux + 8));
        if (entries.back().first == freestanding::kAtNull)
            break;
        REQUIRE(entries.size() < 20);
    }
    auto find = [&](uint64_t key) {
        for (auto& entry : entries) {
            if (entry.first == key)
                return entry.second;
        }
        return ~uint64_t(0);
    };
    CHECK(find(freestanding::kAtPhdr) == 0x400040);
    CHECK(find(freestanding::kAtPhent) == 56);
    CHECK(find(freestanding::kAtPhnum) == 3);
    CHECK(find(freestanding::kAtPagesz) == 4096);
    CHECK(find(freestanding::kAtEntry) == 0x401000);
    uint64_t random = find(freestanding::kAtRandom);
    REQUIRE(random < kStackTop);
    for (int i = 0; i < 16; ++i)
        CHECK(buffer[buffer.size() - (kStackTop - random) + i] == uint8_t(i + 1));
}

TEST_CASE("initial stack: stays 16-byte aligned for any argument count", "[stack]")
{
    ElfImage image {};
    const char* argv[freestanding::kMaxInitialArgs];
    for (auto& arg : argv)
        arg = "xy";
    std::vector<uint8_t> buffer(8192);
    for (size_t argc = 1; argc <= freestanding::kMaxInitialArgs; ++argc) {
        InitialStackInput input { argv, argc, nullptr, 0, &image, {} };
        auto stack = build_initial_stack(input, buffer.data(), buffer.size(), kStackTop);
        REQUIRE(stack.ok());
        CHECK(stack.value().rsp % 16 == 0);
        CHECK(word_at(buffer, stack.value().rsp) == argc);
    }
}

TEST_CASE("initial stack: errors instead of overflow", "[stack]")
{
    ElfImage image {};
    const char* argv[] = { "a-long-argument-that-does-not-fit" };
    InitialStackInput input { argv, 1, nullptr, 0, &image, {} };
    std::vector<uint8_t> buffer(64);
    CHECK_FALSE(build_initial_stack(input, buffer.data(), buffer.size(), kStackTop).ok());
    CHECK_FALSE(build_initial_stack(input, buffer.data(), buffer.size(), kStackTop + 8).ok()); // misaligned top
    InitialStackInput too_many { argv, freestanding::kMaxInitialArgs + 1, nullptr, 0, &image, {} };
    std::vector<uint8_t> big(65536);
    CHECK_FALSE(build_initial_stack(too_many, big.data(), big.size(), kStackTop).ok());
}

TEST_CASE("initial stack: a command line splits into words", "[stack]")
{
    char storage[64];
    const char* argv[freestanding::kMaxInitialArgs];
    auto argc = split_arguments("  spin-a 3   30 ", storage, sizeof(storage), argv);
    REQUIRE(argc.ok());
    REQUIRE(argc.value() == 3);
    CHECK(std::string(argv[0]) == "spin-a");
    CHECK(std::string(argv[1]) == "3");
    CHECK(std::string(argv[2]) == "30");
    CHECK(split_arguments("", storage, sizeof(storage), argv).value() == 0);
    CHECK(split_arguments(nullptr, storage, sizeof(storage), argv).value() == 0);
    CHECK_FALSE(split_arguments("abcdefgh", storage, 8, argv).ok());
    CHECK(split_arguments("abcdefg", storage, 8, argv).ok());
    std::string many;
    for (size_t i = 0; i <= freestanding::kMaxInitialArgs; ++i)
        many += "x ";
    CHECK_FALSE(split_arguments(many.c_str(), storage, sizeof(storage), argv).ok());
}

TEST_CASE("initial stack: quotes keep spaces in one word", "[stack]")
{
    char storage[64];
    const char* argv[freestanding::kMaxInitialArgs];
    auto argc
        = split_arguments("hello \"Hi there\" a\"b c\"d \"\" \"say \\\"x\\\" \\\\\"", storage, sizeof(storage), argv);
    REQUIRE(argc.ok());
    REQUIRE(argc.value() == 5);
    CHECK(std::string(argv[0]) == "hello");
    CHECK(std::string(argv[1]) == "Hi there");
    CHECK(std::string(argv[2]) == "ab cd");
    CHECK(std::string(argv[3]) == "");
    CHECK(std::string(argv[4]) == "say \"x\" \\");
    CHECK(split_arguments("open \"quote", storage, sizeof(storage), argv).error() == Error::invalid_argument);
    CHECK(split_arguments("back\\slash", storage, sizeof(storage), argv).ok()); // outside quotes: as it is
    CHECK(std::string(argv[0]) == "back\\slash");
}
