// tmpfs's archive unpacking (translators/tmpfs/archive.h): what
// boot/make_archive.py packs comes out as directories, files and links
// with their modes and owners; a damaged archive is refused.
#include <catch.hpp>

#include "../../translators/tmpfs/archive.h"
#include "../../translators/tmpfs/memory_nodes.h"

#include <cstdio>
#include <string>
#include <vector>

namespace {

// One "newc" entry, as boot/make_archive.py writes it.
void add_entry(std::vector<uint8_t>& out, const std::string& path, uint32_t mode, const std::string& data,
    uint32_t uid = 0, uint32_t gid = 0)
{
    char header[111];
    std::snprintf(header, sizeof(header), "070701%08x%08x%08x%08x%08x%08x%08x%08x%08x%08x%08x%08x%08x", 1u, mode, uid,
        gid, 1u, 0u, uint32_t(data.size()), 0u, 0u, 0u, 0u, uint32_t(path.size() + 1), 0u);
    out.insert(out.end(), header, header + 110);
    out.insert(out.end(), path.begin(), path.end());
    out.push_back(0);
    while (out.size() % 4)
        out.push_back(0);
    out.insert(out.end(), data.begin(), data.end());
    while (out.size() % 4)
        out.push_back(0);
}

std::vector<uint8_t> sample_archive()
{
    std::vector<uint8_t> out;
    add_entry(out, "etc", fs::kDirectory | 0755, "");
    add_entry(out, "etc/motd", fs::kRegular | 0644, "Welcome.\n");
    add_entry(out, "home/user/notes", fs::kRegular | 0600, "mine", 1000, 100); // parents made on the way
    add_entry(out, "bin/sh", fs::kRegular | 0755, std::string(5000, 'x'));
    add_entry(out, "motd", fs::kSymlink | 0777, "etc/motd");
    add_entry(out, "dev/null", 0020000 | 0666, ""); // a device: skipped
    add_entry(out, "TRAILER!!!", 0, "");
    return out;
}

fs::Node* find(fs::Node& root, const std::vector<std::string>& path)
{
    fs::Node* at = &root;
    at->reference();
    for (const std::string& name : path) {
        fs::Node* next = nullptr;
        Error found = at->lookup(name.c_str(), next);
        at->release();
        if (found != Error::none)
            return nullptr;
        at = next;
    }
    return at;
}

std::string contents(fs::Node& node)
{
    std::string text(node.stat.size, '\0');
    uint32_t amount = uint32_t(text.size());
    REQUIRE(node.read(0, reinterpret_cast<uint8_t*>(text.data()), amount) == Error::none);
    return text.substr(0, amount);
}

} // namespace

TEST_CASE("tmpfs archive: the packed tree comes out with its modes and owners")
{
    fs::Node* root = tmpfs::make_root({ 0, 0 }, 0755).value();
    std::vector<uint8_t> archive = sample_archive();
    uint64_t entries = 0;
    REQUIRE(tmpfs::unpack_archive(archive.data(), archive.size(), *root, &entries) == Error::none);
    CHECK(entries == 6);
    fs::Node* motd = find(*root, { "etc", "motd" });
    REQUIRE(motd);
    CHECK(contents(*motd) == "Welcome.\n");
    CHECK((motd->stat.mode & fs::kPermissionMask) == 0644);
    motd->release();
    fs::Node* notes = find(*root, { "home", "user", "notes" });
    REQUIRE(notes);
    CHECK(notes->stat.uid == 1000);
    CHECK(notes->stat.gid == 100);
    CHECK((notes->stat.mode & fs::kPermissionMask) == 0600);
    notes->release();
    fs::Node* sh = find(*root, { "bin", "sh" });
    REQUIRE(sh);
    CHECK(sh->stat.size == 5000);
    CHECK((sh->stat.mode & 0111) != 0);
    sh->release();
    fs::Node* link = find(*root, { "motd" });
    REQUIRE(link);
    CHECK(fs::is_symlink(link->stat.mode));
    CHECK(std::string(link->target()) == "etc/motd");
    link->release();
    CHECK(find(*root, { "dev", "null" }) == nullptr);
    root->release();
}

TEST_CASE("tmpfs archive: a damaged archive is refused, and what came before stays")
{
    std::vector<uint8_t> archive = sample_archive();
    SECTION("cut short")
    {
        fs::Node* root = tmpfs::make_root({ 0, 0 }, 0755).value();
        for (size_t size : { size_t(0), size_t(50), size_t(200), archive.size() - 20 })
            CHECK(tmpfs::unpack_archive(archive.data(), size, *root) == Error::invalid_argument);
        fs::Node* etc = find(*root, { "etc" });
        CHECK(etc != nullptr);
        if (etc)
            etc->release();
        root->release();
    }
    SECTION("a bad magic or a bad digit in a header field")
    {
        for (size_t at : { size_t(2), size_t(20), size_t(6 + 8 * 6 + 3) }) {
            fs::Node* root = tmpfs::make_root({ 0, 0 }, 0755).value();
            std::vector<uint8_t> damaged = archive;
            damaged[at] = 'z';
            CHECK(tmpfs::unpack_archive(damaged.data(), damaged.size(), *root) == Error::invalid_argument);
            root->release();
        }
    }
    SECTION("a path through a file")
    {
        fs::Node* root = tmpfs::make_root({ 0, 0 }, 0755).value();
        std::vector<uint8_t> out;
        add_entry(out, "file", fs::kRegular | 0644, "x");
        add_entry(out, "file/inside", fs::kRegular | 0644, "y");
        add_entry(out, "TRAILER!!!", 0, "");
        CHECK(tmpfs::unpack_archive(out.data(), out.size(), *root) == Error::not_directory);
        root->release();
    }
}
