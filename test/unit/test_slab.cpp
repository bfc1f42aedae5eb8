// Slab caches over pages from aligned_alloc.
#include <catch.hpp>
#include <freestanding/slab.h>
#include <support/child_process.h>

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <map>
#include <random>
#include <set>
#include <string>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

using freestanding::ObjectCache;
using freestanding::SlabCache;
using freestanding::SlabStats;
using test_support::aborts;
using test_support::dies;

namespace {

constexpr size_t kPage = 4096;

// Pages from the host's allocator, counted, with an optional limit.
class TestPages final : public freestanding::PageProvider {
public:
    ~TestPages() { CHECK(m_pages.empty()); }

    Result<void*> allocate_page() override
    {
        if (m_pages.size() >= m_limit)
            return Error::no_memory;
        void* page = std::aligned_alloc(kPage, kPage);
        std::memset(page, 0xa5, kPage); // like recycled memory: never zero
        m_pages.insert(page);
        return page;
    }

    void free_page(void* page) override
    {
        REQUIRE(m_pages.erase(page) == 1);
        std::free(page);
    }

    size_t outstanding() const { return m_pages.size(); }
    bool owns(const void* object) const
    {
        return m_pages.count(reinterpret_cast<void*>(reinterpret_cast<uintptr_t>(object) & ~(kPage - 1))) == 1;
    }
    void set_limit(size_t pages) { m_limit = pages; }

private:
    std::set<void*> m_pages;
    size_t m_limit = ~size_t(0);
};

void check_stats(const SlabCache& cache, size_t in_use, size_t slabs)
{
    SlabStats stats = cache.stats();
    CHECK(stats.objects_in_use == in_use);
    CHECK(stats.slabs == slabs);
    CHECK(stats.object_capacity == slabs * cache.objects_per_slab());
    CHECK(stats.bytes == slabs * kPage);
}

std::map<std::string, SlabStats> registry()
{
    std::map<std::string, SlabStats> caches;
    freestanding::for_each_slab_cache([&](const SlabStats& stats) { caches[stats.name] = stats; });
    return caches;
}

} // namespace

TEST_CASE("slab geometry", "[slab]")
{
    TestPages pages;
    // The header takes at most 128 bytes of each page.
    SlabCache tiny("tiny", 1, 1, pages);
    CHECK(tiny.objects_per_slab() >= (kPage - 128) / 8);
    SlabCache words("words", 24, 8, pages);
    CHECK(words.objects_per_slab() >= (kPage - 128) / 24);
    CHECK(words.objects_per_slab() <= kPage / 24);
    SlabCache kilo("kilo", 1024, 16, pages);
    CHECK(kilo.objects_per_slab() == 3);
    SlabCache largest("largest", SlabCache::kMaxObjectSize, 16, pages);
    CHECK(largest.objects_per_slab() == 1);
    SlabCache aligned("aligned", 2048, 2048, pages);
    CHECK(aligned.objects_per_slab() == 1);
    CHECK(words.stats().slabs == 0);
    CHECK(pages.outstanding() == 0);
}

TEST_CASE("objects are distinct, aligned, inside provider pages, and keep their contents", "[slab]")
{
    TestPages pages;
    for (auto [size, alignment] : std::vector<std::pair<size_t, size_t>> {
             { 1, 1 }, { 8, 8 }, { 13, 4 }, { 24, 8 }, { 100, 64 }, { 200, 16 }, { 1000, 8 }, { 2048, 16 } }) {
        INFO("size " << size << " alignment " << alignment);
        SlabCache cache("geometry", size, alignment, pages);
        std::vector<unsigned char*> objects;
        const size_t count = cache.objects_per_slab() * 3 + 1;
        for (size_t i = 0; i < count; ++i) {
            unsigned char* object = static_cast<unsigned char*>(cache.allocate().release_value());
            REQUIRE(reinterpret_cast<uintptr_t>(object) % std::max<size_t>(alignment, 8) == 0);
            REQUIRE(reinterpret_cast<uintptr_t>(object) % kPage != 0);
            REQUIRE(pages.owns(object));
            REQUIRE(pages.owns(object + size - 1));
            REQUIRE(&SlabCache::cache_of(object) == &cache);
            std::memset(object, int(i & 0xff), size);
            objects.push_back(object);
        }
        std::vector<unsigned char*> sorted = objects;
        std::sort(sorted.begin(), sorted.end());
        for (size_t i = 1; i < sorted.size(); ++i)
            REQUIRE(sorted[i - 1] + size <= sorted[i]);
        for (size_t i = 0; i < count; ++i) {
            for (size_t b = 0; b < size; ++b)
                REQUIRE(objects[i][b] == (i & 0xff));
        }
        check_stats(cache, count, 4);
        for (unsigned char* object : objects)
            cache.free(object);
        check_stats(cache, 0, 1);
    }
    CHECK(pages.outstanding() == 0);
}

TEST_CASE("slab statistics are exact and empty slabs go back, one spare kept", "[slab]")
{
    TestPages pages;
    SlabCache cache("stats", 48, 16, pages);
    const size_t per = cache.objects_per_slab();
    check_stats(cache, 0, 0);

    std::vector<void*> objects;
    for (size_t i = 0; i < 3 * per + 5; ++i)
        objects.push_back(cache.allocate().release_value());
    check_stats(cache, 3 * per + 5, 4);
    CHECK(pages.outstanding() == 4);

    // Emptying the last slab keeps it as the spare.
    for (size_t i = 0; i < 5; ++i)
        cache.free(objects[3 * per + i]);
    objects.resize(3 * per);
    check_stats(cache, 3 * per, 4);
    // A second empty slab goes back to the provider.
    for (size_t i = 0; i < per; ++i)
        cache.free(objects[i]);
    check_stats(cache, 2 * per, 3);
    CHECK(pages.outstanding() == 3);
    // The spare is used before a new page is asked for.
    for (size_t i = 0; i < per; ++i)
        objects[i] = cache.allocate().release_value();
    check_stats(cache, 3 * per, 3);
    CHECK(cache.stats().name == std::string("stats"));
    CHECK(cache.stats().object_size == 48);

    for (void* object : objects)
        cache.free(object);
    check_stats(cache, 0, 1);
    CHECK(pages.outstanding() == 1);
}

TEST_CASE("a slab cache under random load", "[slab]")
{
    TestPages pages;
    SlabCache cache("random", 72, 8, pages);
    std::mt19937 random(3);
    std::vector<std::pair<uint64_t*, uint64_t>> live;
    for (int step = 0; step < 20000; ++step) {
        if (!live.empty() && random() % 2 == 0) {
            size_t victim = random() % live.size();
            auto [object, stamp] = live[victim];
            for (int w = 0; w < 9; ++w)
                REQUIRE(object[w] == stamp + w);
            cache.free(object);
            live[victim] = live.back();
            live.pop_back();
        } else {
            uint64_t* object = static_cast<uint64_t*>(cache.allocate().release_value());
            for (int w = 0; w < 9; ++w)
                object[w] = uint64_t(step) * 16 + w;
            live.push_back({ object, uint64_t(step) * 16 });
        }
        SlabStats stats = cache.stats();
        REQUIRE(stats.objects_in_use == live.size());
        REQUIRE(stats.slabs == pages.outstanding());
        REQUIRE(stats.slabs * cache.objects_per_slab() >= live.size());
    }
    for (auto [object, stamp] : live)
        cache.free(object);
    CHECK(pages.outstanding() == 1);
}

TEST_CASE("a provider out of pages gives no_memory", "[slab]")
{
    TestPages pages;
    SlabCache cache("limited", 512, 8, pages);
    pages.set_limit(1);
    std::vector<void*> objects;
    for (size_t i = 0; i < cache.objects_per_slab(); ++i)
        objects.push_back(cache.allocate().release_value());
    Result<void*> none = cache.allocate();
    CHECK(none.error() == Error::no_memory);
    check_stats(cache, objects.size(), 1);
    cache.free(objects.back());
    objects.back() = cache.allocate().release_value();
    for (void* object : objects)
        cache.free(object);
}

TEST_CASE("misuse of a slab cache is caught", "[slab]")
{
    TestPages pages;
    SlabCache cache("misuse", 48, 8, pages);
    SlabCache other("other", 48, 8, pages);
    char* object = static_cast<char*>(cache.allocate().release_value());
    char* foreign = static_cast<char*>(other.allocate().release_value());
    void* not_a_slab = std::aligned_alloc(kPage, kPage);
    std::memset(not_a_slab, 0, kPage);

    CHECK_FALSE(aborts([&] { cache.free(object); }));
    CHECK(aborts([&] { cache.free(foreign); }));
    CHECK(aborts([&] { cache.free(object + 8); }));
    CHECK(aborts([&] { cache.free(object - 16); })); // inside the header
    CHECK(aborts([&] { cache.free(static_cast<char*>(not_a_slab) + 64); }));
    CHECK(aborts([&] { cache.free(nullptr); }));
    CHECK(aborts([&] {
        char* second = static_cast<char*>(cache.allocate().release_value());
        cache.free(second);
        cache.free(second);
    }));
    // An object past the last one of a slab (still inside its page).
    REQUIRE(48 * (cache.objects_per_slab() + 1) < kPage);
    CHECK(aborts([&] { cache.free(object + 48 * cache.objects_per_slab()); }));
    // Using a freed object trips AddressSanitizer.
    CHECK(dies([&] {
        cache.free(object);
        volatile char c = object[3];
        (void)c;
    }));
    CHECK(aborts([&] { SlabCache("too large", SlabCache::kMaxObjectSize + 1, 8, pages); }));
    CHECK(aborts([&] { SlabCache("odd alignment", 16, 24, pages); }));
    CHECK(aborts([&] { SlabCache("no fit", 2048, 4096, pages); }));
    CHECK(aborts([&] {
        SlabCache leaky("leaky", 16, 8, pages);
        (void)leaky.allocate();
    })); // destroyed with objects in use

    std::free(not_a_slab);
    cache.free(object);
    other.free(foreign);
}

TEST_CASE("every cache is listed in the registry", "[slab]")
{
    TestPages pages;
    CHECK(registry().count("registry-a") == 0);
    {
        SlabCache a("registry-a", 64, 8, pages);
        SlabCache b("registry-b", 128, 8, pages);
        void* object = a.allocate().release_value();
        auto caches = registry();
        REQUIRE(caches.count("registry-a") == 1);
        REQUIRE(caches.count("registry-b") == 1);
        CHECK(caches["registry-a"].objects_in_use == 1);
        CHECK(caches["registry-a"].object_size == 64);
        CHECK(caches["registry-a"].slabs == 1);
        CHECK(caches["registry-b"].objects_in_use == 0);
        {
            SlabCache c("registry-c", 32, 8, pages);
            CHECK(registry().count("registry-c") == 1);
        }
        CHECK(registry().count("registry-c") == 0);
        CHECK(registry().count("registry-a") == 1);
        a.free(object);
    }
    CHECK(registry().count("registry-a") == 0);
    CHECK(registry().count("registry-b") == 0);
}

namespace {

struct Tracked {
    static inline int alive = 0;
    Tracked(int a, std::string b)
        : number(a)
        , text(std::move(b))
    {
        ++alive;
    }
    ~Tracked() { --alive; }
    int number;
    std::string text;
    alignas(32) char block[40];
};

} // namespace

TEST_CASE("ObjectCache constructs and destroys in place", "[slab]")
{
    TestPages pages;
    ObjectCache<Tracked> cache("tracked", pages);
    std::vector<Tracked*> objects;
    for (int i = 0; i < 100; ++i) {
        Tracked* object = cache.create(i, "object " + std::to_string(i)).release_value();
        REQUIRE(reinterpret_cast<uintptr_t>(object) % alignof(Tracked) == 0);
        objects.push_back(object);
    }
    CHECK(Tracked::alive == 100);
    CHECK(cache.stats().objects_in_use == 100);
    CHECK(cache.stats().object_size == sizeof(Tracked));
    for (int i = 0; i < 100; ++i) {
        CHECK(objects[i]->number == i);
        CHECK(objects[i]->text == "object " + std::to_string(i));
    }
    for (Tracked* object : objects)
        cache.destroy(object);
    CHECK(Tracked::alive == 0);
    CHECK(cache.stats().objects_in_use == 0);

    pages.set_limit(0);
    ObjectCache<Tracked> starved("starved", pages);
    CHECK(starved.create(1, "x").error() == Error::no_memory);
    CHECK(Tracked::alive == 0);
    pages.set_limit(~size_t(0));
}
