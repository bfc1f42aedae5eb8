// tmpfs's size limit (translators/tmpfs/space.h) and its files' sparse
// page index (file_pages.h): what is counted, what is refused past the
// limit, what truncating and removing give back, and files larger than
// the old 64 MiB cap.
#include <support/fs_world.h>

#include <algorithm>

#include "../../translators/tmpfs/file_pages.h"
#include "../../translators/tmpfs/memory_nodes.h"
#include "../../translators/tmpfs/space.h"

using namespace fs_testing;

namespace {

constexpr uint64_t kPage = tmpfs::FilePages::kPageSize;

// A tmpfs root of `limit` bytes, and a file made in it.
struct SmallTmpfs {
    fs::Node* root;
    fs::Node* file = nullptr;

    explicit SmallTmpfs(uint64_t limit)
        : root(tmpfs::make_root(kRoot, 0755, limit, 1ull << 30).value())
    {
        REQUIRE(root->create("f", fs::kRegular | 0644, kRoot, nullptr, file) == Error::none);
    }
    ~SmallTmpfs()
    {
        if (file)
            file->release();
        root->release();
    }
    tmpfs::Space& space() const { return static_cast<tmpfs::MemoryNode*>(root)->space(); }
};

} // namespace

TEST_CASE("tmpfs: size= reads bytes, K, M and G, and percentages of RAM")
{
    constexpr uint64_t kRam = 256ull << 20;
    CHECK(tmpfs::parse_size("4096", kRam).value() == 4096);
    CHECK(tmpfs::parse_size("10K", kRam).value() == 10ull << 10);
    CHECK(tmpfs::parse_size("3m", kRam).value() == 3ull << 20);
    CHECK(tmpfs::parse_size("2G", kRam).value() == 2ull << 30);
    CHECK(tmpfs::parse_size("50%", kRam).value() == kRam / 2);
    CHECK(tmpfs::parse_size("100%", kRam).value() == kRam);
    for (const char* bad : { "", "0", "K", "10X", "10KB", "-5", "101%", "0%", "5%%", "99999999999999999999" })
        CHECK(tmpfs::parse_size(bad, kRam).error() == Error::invalid_argument);
    CHECK(tmpfs::parse_size("50%", 0).error() == Error::invalid_argument); // RAM unknown
}

TEST_CASE("tmpfs: a file's pages are made where written, holes cost nothing, truncation gives them back")
{
    tmpfs::Space* space = tmpfs::Space::create(tmpfs::Space::kUnlimited).value();
    {
        tmpfs::FilePages pages;
        CHECK(pages.find(0) == nullptr);
        uint8_t* first = pages.make(0, *space).value();
        CHECK(pages.pages() == 1); // one page: no index yet
        first[0] = 7;
        // Far away (past 1 GiB): the tree grows three levels deep, the first page stays.
        constexpr uint64_t kFar = (1ull << 30) / kPage + 5;
        pages.make(kFar, *space).value()[1] = 9;
        CHECK(pages.find(0)[0] == 7);
        CHECK(pages.find(kFar)[1] == 9);
        CHECK(pages.find(kFar - 1) == nullptr);
        CHECK(pages.pages() == 2 + 1 + 2 + 2); // two data pages, the root index, two index pages down to each
        CHECK(space->used() == pages.pages() * kPage);
        pages.free_from(1, *space);
        CHECK(pages.find(kFar) == nullptr);
        CHECK(pages.find(0)[0] == 7);
        CHECK(pages.pages() == 1); // the index pages went too: the tree is one page deep again
        CHECK(space->used() == kPage);
        CHECK(pages.make(tmpfs::FilePages::kMaxPages, *space).error() == Error::no_space);
        pages.free_from(0, *space);
        CHECK(pages.pages() == 0);
        CHECK(space->used() == 0);
    }
    space->release();
}

TEST_CASE("tmpfs: writes past the size limit get no_space; truncating and removing give the room back")
{
    SmallTmpfs fs(64 * kPage);
    uint64_t base = fs.space().used(); // the root, its entry, the file
    CHECK(base > 0);
    std::vector<uint8_t> page(kPage, 0xab);
    uint64_t written = 0;
    Error status = Error::none;
    while ((status = fs.file->write(written, page.data(), uint32_t(kPage))) == Error::none)
        written += kPage;
    CHECK(status == Error::no_space);
    CHECK(fs.space().used() <= fs.space().limit());
    CHECK(written >= 50 * kPage);
    // Nor does a new node, once not even its bytes are left.
    fs.space().set_limit(fs.space().used());
    fs::Node* other = nullptr;
    CHECK(fs.root->create("g", fs::kRegular | 0644, kRoot, nullptr, other) == Error::no_space);
    // Truncated, the file gives its pages back and the new node fits.
    REQUIRE(fs.file->set_size(kPage / 2) == Error::none);
    CHECK(fs.space().used() == base + kPage);
    REQUIRE(fs.root->create("g", fs::kRegular | 0644, kRoot, nullptr, other) == Error::none);
    other->release();
    // Growing makes a hole that reads as zeros, not the old bytes.
    REQUIRE(fs.file->set_size(2 * kPage) == Error::none);
    uint8_t back[16] = {};
    uint32_t amount = sizeof(back);
    REQUIRE(fs.file->read(kPage / 2, back, amount) == Error::none);
    CHECK(amount == sizeof(back));
    CHECK(std::all_of(back, back + sizeof(back), [](uint8_t b) { return b == 0; }));
    uint64_t with_g = fs.space().used();
    REQUIRE(fs.root->remove("g") == Error::none);
    CHECK(fs.space().used() < with_g);
}

TEST_CASE("tmpfs: one file may use all the space, past the old 64 MiB cap")
{
    SmallTmpfs fs(tmpfs::Space::kUnlimited);
    // Sparse: a byte every 16 MiB up to 1 GiB costs a page each and a few index pages.
    uint8_t byte = 1;
    for (uint64_t at = 0; at < (1ull << 30); at += 16ull << 20)
        REQUIRE(fs.file->write(at + 3, &byte, 1) == Error::none);
    CHECK(fs.file->stat.size == (1ull << 30) - (16ull << 20) + 4);
    CHECK(fs.space().used() < (1ull << 20));
    uint8_t back[4] = {};
    uint32_t amount = 4;
    REQUIRE(fs.file->read((512ull << 20), back, amount) == Error::none);
    CHECK(back[3] == 1);
    CHECK(back[0] == 0);
    // Dense: 80 MiB written whole.
    REQUIRE(fs.file->set_size(0) == Error::none);
    std::vector<uint8_t> chunk(1 << 20, 0x5a);
    for (uint64_t at = 0; at < (80ull << 20); at += chunk.size())
        REQUIRE(fs.file->write(at, chunk.data(), uint32_t(chunk.size())) == Error::none);
    CHECK(fs.file->stat.size == 80ull << 20);
    amount = 4;
    REQUIRE(fs.file->read((80ull << 20) - 4, back, amount) == Error::none);
    CHECK(back[0] == 0x5a);
}

TEST_CASE("tmpfs: through the file system, ENOSPC past the limit, and fsysopts changes it live")
{
    HostKernel kernel;
    Translator tmpfs(kernel, tmpfs::make_root(kRoot, 0755, 32 * kPage, 1ull << 30).value());
    Client c(kernel, tmpfs, kRoot);
    PortName control = tmpfs.control_for(c.task);
    ActAs as(c.task);
    fsys::GetOptions::Reply options {};
    REQUIRE(rpc::call<fsys::GetOptions>(control, {}, options) == Error::none);
    CHECK(std::string(options.options.c_str()) == "--size=" + std::to_string(32 * kPage));
    PortName file = c.open("big", fs::kWrite | fs::kCreate).value();
    std::vector<char> data(io::kMaxTransfer, 'z');
    Error status = Error::none;
    for (int i = 0; i < 100 && status == Error::none; i++) {
        Result<uint32_t> put = client::write(file, data.data(), uint32_t(data.size()));
        status = put.ok() ? Error::none : put.error();
    }
    CHECK(status == Error::no_space);
    // Bigger now: the same file goes on.
    fsys::SetOptions::Request change {};
    change.options.set("--size=1M");
    fsys::SetOptions::Reply changed {};
    REQUIRE(rpc::call<fsys::SetOptions>(control, change, changed) == Error::none);
    REQUIRE(rpc::call<fsys::GetOptions>(control, {}, options) == Error::none);
    CHECK(std::string(options.options.c_str()) == "--size=1048576");
    CHECK(client::write(file, data.data(), uint32_t(data.size())).ok());
    // A percentage of RAM (1 GiB here), and nonsense refused with the size kept.
    change.options.set("size=1%");
    REQUIRE(rpc::call<fsys::SetOptions>(control, change, changed) == Error::none);
    REQUIRE(rpc::call<fsys::GetOptions>(control, {}, options) == Error::none);
    CHECK(std::string(options.options.c_str()) == "--size=" + std::to_string((1ull << 30) / 100));
    change.options.set("--size=lots");
    CHECK(rpc::call<fsys::SetOptions>(control, change, changed) == Error::invalid_argument);
    REQUIRE(rpc::call<fsys::GetOptions>(control, {}, options) == Error::none);
    CHECK(std::string(options.options.c_str()) == "--size=" + std::to_string((1ull << 30) / 100));
    client::close(file);
    client::close(control);
    client::close(c.root);
}

TEST_CASE("tmpfs: the last 5% of the space are root's: a user's write or new file gets ENOSPC there, root's go on")
{
    HostKernel kernel;
    constexpr uint64_t kLimit = 100 * kPage;
    Translator tmpfs(kernel, tmpfs::make_root(kRoot, 01777, kLimit, 1ull << 30).value());
    Client admin(kernel, tmpfs, kRoot);
    Client alice(kernel, tmpfs, kAlice);
    std::vector<char> data(kPage, 'a');
    Error status = Error::none;
    uint64_t hers = 0;
    {
        ActAs as(alice.task);
        PortName file = alice.open("hers", fs::kWrite | fs::kCreate).value();
        while (status == Error::none) {
            Result<uint32_t> put = client::write(file, data.data(), uint32_t(data.size()));
            status = put.ok() ? Error::none : put.error();
            hers += put.ok() ? put.value() : 0;
        }
        CHECK(status == Error::no_space);
        CHECK(hers < kLimit * 96 / 100); // she stopped short of root's reserve
        CHECK(hers >= kLimit * 90 / 100);
        CHECK(alice.open("another", fs::kWrite | fs::kCreate).error() == Error::no_space);
        client::close(file);
    }
    {
        ActAs as(admin.task);
        PortName file = admin.open("roots", fs::kWrite | fs::kCreate).value();
        CHECK(client::write(file, data.data(), uint32_t(data.size())).ok()); // root still may
        client::close(file);
        client::close(admin.root);
    }
    ActAs as(alice.task);
    client::close(alice.root);
}
