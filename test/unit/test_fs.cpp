// The file-system library (lib/fs_server) serving tmpfs's nodes, driven by a
// client task through lib/fs_client over the host kernel.
#include <auth/client.h>
#include <support/auth_task.h>
#include <support/fs_world.h>

#include "../../translators/hello/greeting.h"

using namespace fs_testing;

TEST_CASE("fs: a file is created, written, read back, sought and stat'ed")
{
    HostKernel kernel;
    Tmpfs tmpfs(kernel);
    Client c(kernel, tmpfs, kRoot);
    ActAs as(c.task);
    PortName file = c.open("/notes.txt", fs::kRead | fs::kWrite | fs::kCreate, 0640).value();
    REQUIRE(write_text(file, "hello, portico") == Error::none);
    CHECK(client::seek(file, 0, io::Whence::set).value() == 0);
    CHECK(read_all(file) == "hello, portico");
    CHECK(client::seek(file, 7, io::Whence::set).value() == 7);
    CHECK(read_all(file) == "portico");
    // A peropen's offset has 48 bits.
    CHECK(client::seek(file, int64_t(fs::PerOpen::kMaxOffset) + 1, io::Whence::set).error() == Error::out_of_range);
    CHECK(client::seek(file, 0, io::Whence::current).value() == 14);
    fs::Stat stat = client::stat(file).value();
    CHECK(stat.size == 14);
    CHECK(fs::is_regular(stat.mode));
    CHECK((stat.mode & fs::kPermissionMask) == 0640);
    // Reading at an offset leaves the file's own offset alone.
    char part[5] = {};
    CHECK(client::read(file, part, 4, 0).value() == 4);
    CHECK(std::string(part) == "hell");
    CHECK(client::seek(file, 0, io::Whence::current).value() == 14);
    // A big write goes in pieces of at most one message.
    std::string big(20000, 'x');
    uint32_t written = 0;
    while (written < big.size())
        written += client::write(file, big.data() + written, uint32_t(big.size() - written), 14 + written).value();
    CHECK(client::stat(file).value().size == 14 + 20000);
    client::close(file);
    // Opened again, with truncation.
    file = c.open("notes.txt", fs::kWrite | fs::kTruncate).value();
    CHECK(client::stat(file).value().size == 0);
    client::close(file);
    client::close(c.root);
}

TEST_CASE("fs: directories list their entries and refuse what they must")
{
    HostKernel kernel;
    Tmpfs tmpfs(kernel);
    Client c(kernel, tmpfs, kRoot);
    ActAs as(c.task);
    REQUIRE(call_named<fs::MakeDirectory>(c.root, "etc") == Error::none);
    CHECK(call_named<fs::MakeDirectory>(c.root, "etc") == Error::already_exists);
    CHECK(call_named<fs::MakeDirectory>(c.root, "a/b") == Error::invalid_argument);
    CHECK(call_named<fs::MakeDirectory>(c.root, "..") == Error::invalid_argument);
    PortName etc = c.open("etc", fs::kRead | fs::kDirectoryOnly).value();
    for (const char* name : { "passwd", "group", "motd" })
        client::close(client::open(c.root, etc, name, fs::kWrite | fs::kCreate).value());
    auto names = list(etc);
    std::sort(names.begin(), names.end());
    CHECK(names == std::vector<std::string> { ".", "..", "group", "motd", "passwd" });
    CHECK(call_named<fs::RemoveDirectory>(c.root, "etc") == Error::not_empty);
    CHECK(call_named<fs::Unlink>(c.root, "etc") == Error::is_directory);
    CHECK(call_named<fs::RemoveDirectory>(etc, "motd") == Error::not_directory);
    for (const char* name : { "passwd", "group", "motd" })
        CHECK(call_named<fs::Unlink>(etc, name) == Error::none);
    CHECK(call_named<fs::Unlink>(etc, "motd") == Error::not_found);
    CHECK(call_named<fs::RemoveDirectory>(c.root, "etc") == Error::none);
    // The removed directory, still open, is empty and its ".." is itself.
    CHECK(list(etc) == std::vector<std::string> { ".", ".." });
    client::close(etc);
    client::close(c.root);
}

TEST_CASE("fs: lookups fail with the right error")
{
    HostKernel kernel;
    Tmpfs tmpfs(kernel);
    Client c(kernel, tmpfs, kRoot);
    ActAs as(c.task);
    client::close(c.open("file", fs::kWrite | fs::kCreate).value());
    REQUIRE(call_named<fs::MakeDirectory>(c.root, "dir") == Error::none);
    CHECK(c.open("missing", fs::kRead).error() == Error::not_found);
    CHECK(c.open("file/inside", fs::kRead).error() == Error::not_directory);
    CHECK(c.open("file", fs::kRead | fs::kDirectoryOnly).error() == Error::not_directory);
    CHECK(c.open("dir", fs::kWrite).error() == Error::is_directory);
    CHECK(c.open("file", fs::kWrite | fs::kCreate | fs::kExclusive).error() == Error::already_exists);
    std::string long_name(300, 'n');
    CHECK(c.open(long_name.c_str(), fs::kRead).error() == Error::name_too_long);
    // ".", ".." and repeated slashes resolve; ".." stops at the root.
    PortName same = c.open("dir/./..//dir/../../file", fs::kRead).value();
    CHECK(fs::is_regular(client::stat(same).value().mode));
    client::close(same);
    // A plain right to the file system's port opens nothing.
    client::close(c.root);
}

TEST_CASE("fs: symbolic links are followed, relative ones here, absolute ones from the client's root")
{
    HostKernel kernel;
    Tmpfs tmpfs(kernel);
    Client c(kernel, tmpfs, kRoot);
    ActAs as(c.task);
    REQUIRE(call_named<fs::MakeDirectory>(c.root, "data") == Error::none);
    PortName target = c.open("data/real", fs::kWrite | fs::kCreate).value();
    REQUIRE(write_text(target, "through the link") == Error::none);
    client::close(target);
    auto symlink = [&](const char* name, const char* to) {
        fs::Symlink::Request request {};
        request.name.set(name);
        request.target.set(to);
        fs::Symlink::Reply reply {};
        return rpc::call<fs::Symlink>(c.root, request, reply);
    };
    REQUIRE(symlink("relative", "data/real") == Error::none);
    REQUIRE(symlink("absolute", "/data") == Error::none);
    REQUIRE(symlink("loop", "loop") == Error::none);
    PortName file = c.open("relative", fs::kRead).value();
    CHECK(read_all(file) == "through the link");
    client::close(file);
    file = c.open("absolute/real", fs::kRead).value();
    CHECK(read_all(file) == "through the link");
    client::close(file);
    CHECK(c.open("loop", fs::kRead).error() == Error::too_many_links);
    // Not followed in the last component with kNoFollow: the link itself.
    PortName link = c.open("relative", fs::kNoFollow).value();
    CHECK(fs::is_symlink(client::stat(link).value().mode));
    fs::ReadLink::Reply target_text {};
    REQUIRE(rpc::call<fs::ReadLink>(link, {}, target_text) == Error::none);
    CHECK(std::string(target_text.target.c_str()) == "data/real");
    client::close(link);
    client::close(c.root);
}

TEST_CASE("fs: permissions are enforced for users other than root")
{
    HostKernel kernel;
    Tmpfs tmpfs(kernel);
    Client admin(kernel, tmpfs, kRoot);
    Client alice(kernel, tmpfs, kAlice);
    {
        ActAs as(admin.task);
        PortName secret = admin.open("secret", fs::kWrite | fs::kCreate, 0600).value();
        REQUIRE(write_text(secret, "root only") == Error::none);
        client::close(secret);
        REQUIRE(call_named<fs::MakeDirectory>(admin.root, "home", 0755) == Error::none);
        PortName home = admin.open("home", fs::kRead).value();
        REQUIRE(call_named<fs::MakeDirectory>(home, "alice", 0700) == Error::none);
        PortName alice_home = admin.open("home/alice", fs::kRead).value();
        fs::SetAttribute::Request chown {};
        chown.which = fs::Attribute::owner;
        chown.uid = kAlice.uid;
        chown.gid = kAlice.gid;
        fs::SetAttribute::Reply done {};
        REQUIRE(rpc::call<fs::SetAttribute>(alice_home, chown, done) == Error::none);
        client::close(alice_home);
        client::close(home);
    }
    ActAs as(alice.task);
    CHECK(alice.open("secret", fs::kRead).error() == Error::permission_denied);
    CHECK(alice.open("new", fs::kWrite | fs::kCreate).error() == Error::permission_denied);
    CHECK(call_named<fs::Unlink>(alice.root, "secret") == Error::permission_denied);
    // Her own directory is hers.
    PortName mine = alice.open("home/alice/diary", fs::kRead | fs::kWrite | fs::kCreate, 0600).value();
    REQUIRE(write_text(mine, "dear diary") == Error::none);
    fs::Stat stat = client::stat(mine).value();
    CHECK(stat.uid == kAlice.uid);
    fs::SetAttribute::Request chmod {};
    chmod.which = fs::Attribute::mode;
    chmod.mode = 0644;
    fs::SetAttribute::Reply done {};
    CHECK(rpc::call<fs::SetAttribute>(mine, chmod, done) == Error::none);
    fs::SetAttribute::Request chown {};
    chown.which = fs::Attribute::owner;
    CHECK(rpc::call<fs::SetAttribute>(mine, chown, done) == Error::permission_denied);
    // A file opened read-only cannot be written, whoever she is.
    PortName read_only = alice.open("home/alice/diary", fs::kRead).value();
    CHECK(client::write(read_only, "x", 1).error() == Error::permission_denied);
    client::close(read_only);
    client::close(mine);
    client::close(alice.root);
    {
        ActAs admin_again(admin.task);
        client::close(admin.root);
    }
}

TEST_CASE("fs: a client proves who it is through auth, and gets that user's rights")
{
    HostKernel kernel;
    test_support::AuthTask auth(kernel);
    Tmpfs tmpfs(kernel);
    tmpfs.use_auth(auth);
    Client admin(kernel, tmpfs, kRoot);
    ActAs as(admin.task);
    PortName secret = admin.open("secret", fs::kWrite | fs::kCreate, 0600).value();
    client::close(secret);
    PortName plain = auth.plain_right_for(admin.task);
    Result<PortName> made = auth::client::make_handle(plain, { kAlice.uid, kAlice.gid });
    REQUIRE(made.ok());
    PortName alice = made.value();
    // The root directory again, as Alice: the secret is closed to her now.
    PortName alice_root = client::reauthenticate(admin.root, alice).value();
    CHECK(client::open(alice_root, alice_root, "secret", fs::kRead).error() == Error::permission_denied);
    // Nor create in root's directory.
    CHECK(client::open(alice_root, alice_root, "mine", fs::kWrite | fs::kCreate).error() == Error::permission_denied);
    Result<PortName> still = client::open(admin.root, admin.root, "secret", fs::kRead); // root still may
    REQUIRE(still.ok());
    client::close(still.value());
    // Proving an identity nobody vouched for: a bare rendezvous port.
    PortName bare = 0;
    REQUIRE(mach::port_allocate(admin.task.task_name(), mach::RightType::receive, &bare) == Error::none);
    rpc::Rights<1> give;
    give[0] = { bare, mach::Disposition::make_send };
    io::Reauthenticate::Reply reply {};
    CHECK(rpc::call<io::Reauthenticate>(admin.root, {}, reply, give) == Error::permission_denied);
    REQUIRE(mach::port_destroy(admin.task.task_name(), bare) == Error::none);
    client::close(alice_root);
    client::close(alice);
    client::close(plain);
    client::close(admin.root);
}

TEST_CASE("fs: without auth a file system refuses to reauthenticate")
{
    HostKernel kernel;
    test_support::AuthTask auth(kernel);
    Tmpfs tmpfs(kernel);
    Client admin(kernel, tmpfs, kRoot);
    ActAs as(admin.task);
    PortName plain = auth.plain_right_for(admin.task);
    CHECK(client::reauthenticate(admin.root, plain).error() == Error::not_supported);
    client::close(plain);
    client::close(admin.root);
}

TEST_CASE("fs: copies of an open file share its offset; the peropen goes with the last copy")
{
    HostKernel kernel;
    Tmpfs tmpfs(kernel);
    Client c(kernel, tmpfs, kRoot);
    ActAs as(c.task);
    uint64_t baseline = tmpfs.peropens();
    PortName file = c.open("shared", fs::kRead | fs::kWrite | fs::kCreate).value();
    REQUIRE(write_text(file, "0123456789") == Error::none);
    // A second name for the same right (as dup or fork would make).
    PortName copy = 0;
    REQUIRE(mach::port_extract_right(c.task.task_name(), file, mach::Disposition::copy_send, &copy) == Error::none);
    CHECK(client::seek(copy, 2, io::Whence::set).value() == 2);
    char two[3] = {};
    CHECK(client::read(file, two, 2).value() == 2);
    CHECK(std::string(two) == "23");
    CHECK(client::seek(copy, 0, io::Whence::current).value() == 4);
    CHECK(tmpfs.peropens() == baseline + 1);
    // Duplicate makes a peropen of its own.
    rpc::Rights<1> got;
    io::Duplicate::Reply dup {};
    REQUIRE(rpc::call<io::Duplicate>(file, { fs::kRead, 0 }, dup, {}, &got) == Error::none);
    CHECK(client::seek(got[0].name, 0, io::Whence::current).value() == 0);
    CHECK(rpc::call<io::Duplicate>(got[0].name, { fs::kWrite, 0 }, dup) == Error::permission_denied);
    client::close(got[0].name);
    client::close(file);
    client::close(copy); // the same name: its last reference
    client::close(c.root);
    for (int i = 0; i < 2000 && tmpfs.peropens() != 0; i++)
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    CHECK(tmpfs.peropens() == 0);
}

TEST_CASE("fs: a translator on a node takes over the lookups that cross it, until it dies")
{
    HostKernel kernel;
    Tmpfs below(kernel);
    Tmpfs translator(kernel);
    Client admin(kernel, below, kRoot);
    Client alice(kernel, below, kAlice);
    PortName translator_root = translator.root_for(admin.task, kRoot);
    PortName control = translator.control_for(admin.task);
    PortName alice_control = translator.control_for(alice.task);
    {
        ActAs as(admin.task);
        PortName inside = client::open(translator_root, translator_root, "inside", fs::kWrite | fs::kCreate).value();
        REQUIRE(write_text(inside, "from the translator") == Error::none);
        client::close(inside);
        client::close(translator_root);
        REQUIRE(call_named<fs::MakeDirectory>(admin.root, "mnt") == Error::none);
        PortName mnt = admin.open("mnt", fs::kRead | fs::kNoTranslator).value();
        REQUIRE(
            set_translator(mnt, fs::kSetActive | fs::kSetPassive, control, "/hurd/tmpfs --size=64M") == Error::none);
        CHECK(set_translator(mnt, fs::kSetActive | fs::kKeepActive, mach::kNullName) == Error::busy);
        // Crossing it: the lookup goes on in the translator.
        PortName file = admin.open("/mnt/inside", fs::kRead).value();
        CHECK(read_all(file) == "from the translator");
        client::close(file);
        // showtrans and fsysopts.
        fs::GetTranslator::Reply passive {};
        REQUIRE(rpc::call<fs::GetTranslator>(mnt, {}, passive) == Error::none);
        CHECK(std::string(passive.passive.c_str()) == "/hurd/tmpfs --size=64M");
        rpc::Rights<1> got;
        fs::GetTranslatorControl::Reply cntl {};
        REQUIRE(rpc::call<fs::GetTranslatorControl>(mnt, {}, cntl, {}, &got) == Error::none);
        fsys::GetOptions::Reply options {};
        REQUIRE(rpc::call<fsys::GetOptions>(got[0].name, {}, options) == Error::none);
        CHECK(std::string(options.options.c_str()) == "--size=64M");
        client::close(got[0].name);
        // The passive one goes (its program is missing here: a lookup would try to start it).
        REQUIRE(set_translator(mnt, fs::kSetPassive, mach::kNullName) == Error::none);
        client::close(mnt);
    }
    {
        // A user may not attach a translator to a node she does not own.
        ActAs as(alice.task);
        PortName mnt = alice.open("mnt", fs::kRead | fs::kNoTranslator).value();
        CHECK(set_translator(mnt, fs::kSetActive, alice_control) == Error::permission_denied);
        client::close(mnt);
        client::close(alice.root);
    }
    // The translator dies: the node is the plain directory again.
    translator.kill();
    ActAs as(admin.task);
    CHECK(admin.open("/mnt/inside", fs::kRead).error() == Error::not_found);
    PortName mnt = admin.open("/mnt", fs::kRead).value();
    CHECK(fs::is_directory(client::stat(mnt).value().mode));
    client::close(mnt);
    client::close(admin.root);
}

namespace {

Error rename(PortName from, const char* name, PortName to, const char* to_name)
{
    fs::Rename::Request request {};
    request.name.set(name);
    request.to_name.set(to_name);
    fs::Rename::Reply reply {};
    rpc::Rights<1> give;
    give[0] = { to, mach::Disposition::copy_send };
    return rpc::call<fs::Rename>(from, request, reply, give);
}

Error link(PortName file, PortName to, const char* to_name)
{
    fs::Link::Request request {};
    request.to_name.set(to_name);
    fs::Link::Reply reply {};
    rpc::Rights<1> give;
    give[0] = { to, mach::Disposition::copy_send };
    return rpc::call<fs::Link>(file, request, reply, give);
}

} // namespace

TEST_CASE("fs: rename moves names between directories, link makes a second name")
{
    HostKernel kernel;
    Tmpfs tmpfs(kernel);
    Tmpfs other(kernel);
    Client c(kernel, tmpfs, kRoot);
    PortName elsewhere = other.root_for(c.task, kRoot);
    ActAs as(c.task);
    REQUIRE(call_named<fs::MakeDirectory>(c.root, "a") == Error::none);
    REQUIRE(call_named<fs::MakeDirectory>(c.root, "b") == Error::none);
    PortName a = c.open("a", fs::kRead).value();
    PortName b = c.open("b", fs::kRead).value();
    PortName f = c.open("a/f", fs::kWrite | fs::kCreate).value();
    REQUIRE(write_text(f, "moved") == Error::none);
    REQUIRE(rename(a, "f", b, "g") == Error::none);
    CHECK(c.open("a/f", fs::kRead).error() == Error::not_found);
    PortName g = c.open("b/g", fs::kRead).value();
    CHECK(read_all(g) == "moved");
    client::close(g);
    // The open file kept its node through the move.
    CHECK(client::stat(f).value().size == 5);
    // A second name: one node, two links.
    REQUIRE(link(f, a, "h") == Error::none);
    CHECK(client::stat(f).value().links == 2);
    PortName h = c.open("a/h", fs::kRead).value();
    CHECK(read_all(h) == "moved");
    client::close(h);
    // Replacing: a file over a file; not a directory over a file; not into itself.
    client::close(c.open("a/other", fs::kWrite | fs::kCreate).value());
    REQUIRE(rename(a, "other", b, "g") == Error::none);
    CHECK(client::stat(f).value().links == 1);
    REQUIRE(call_named<fs::MakeDirectory>(b, "sub") == Error::none);
    CHECK(rename(c.root, "b", b, "sub") == Error::invalid_argument);
    CHECK(rename(b, "sub", a, "h") == Error::not_directory);
    REQUIRE(rename(b, "sub", a, "moved_dir") == Error::none);
    PortName moved = c.open("a/moved_dir/..", fs::kRead).value();
    CHECK(client::stat(moved).value().inode == client::stat(a).value().inode);
    client::close(moved);
    // Another file system's directory: no.
    CHECK(rename(a, "h", elsewhere, "h") == Error::cross_device);
    CHECK(link(f, elsewhere, "x") == Error::cross_device);
    for (PortName name : { f, a, b, elsewhere, c.root })
        client::close(name);
}

TEST_CASE("fs: hello, a single-node translator, says hello where it is attached")
{
    HostKernel kernel;
    Tmpfs below(kernel);
    Translator hello(kernel, heap::create<hello::Greeting>("Hello, world!\n").value());
    Client c(kernel, below, kRoot);
    PortName control = hello.control_for(c.task);
    ActAs as(c.task);
    PortName node = c.open("h", fs::kRead | fs::kWrite | fs::kCreate | fs::kNoTranslator).value();
    REQUIRE(set_translator(node, fs::kSetActive, control) == Error::none);
    client::close(node);
    PortName greeting = c.open("/h", fs::kRead).value();
    CHECK(read_all(greeting) == "Hello, world!\n");
    fs::Stat stat = client::stat(greeting).value();
    CHECK(fs::is_regular(stat.mode));
    CHECK(stat.size == 14);
    CHECK(client::write(greeting, "x", 1).error() == Error::permission_denied); // opened for reading
    client::close(greeting);
    // Root may open it for writing (mode 0444 binds others), but it has no bytes to change.
    PortName writable = c.open("/h", fs::kWrite).value();
    CHECK(client::write(writable, "x", 1).error() == Error::not_supported);
    client::close(writable);
    // Without following the translator: the tmpfs file below.
    PortName below_node = c.open("/h", fs::kRead | fs::kNoTranslator).value();
    CHECK(client::stat(below_node).value().size == 0);
    client::close(below_node);
    // fsysopts NODE TEXT: new options, a new greeting.
    PortName hello_control = hello.control_for(c.task);
    fsys::SetOptions::Request change {};
    change.options.set("Goodbye");
    fsys::SetOptions::Reply changed {};
    REQUIRE(rpc::call<fsys::SetOptions>(hello_control, change, changed) == Error::none);
    fsys::GetOptions::Reply options {};
    REQUIRE(rpc::call<fsys::GetOptions>(hello_control, {}, options) == Error::none);
    client::close(hello_control);
    CHECK(std::string(options.options.c_str()) == "Goodbye");
    PortName again = c.open("/h", fs::kRead).value();
    CHECK(read_all(again) == "Goodbye");
    CHECK(client::stat(again).value().size == 7);
    client::close(again);
    client::close(c.root);
}

TEST_CASE("fs: a file system without options to change refuses SetOptions and keeps its own")
{
    HostKernel kernel;
    Tmpfs tmpfs(kernel);
    HostTask& c = kernel.create_task();
    PortName control = tmpfs.control_for(c);
    ActAs as(c);
    fsys::SetOptions::Request change {};
    change.options.set("--size=1M");
    fsys::SetOptions::Reply changed {};
    CHECK(rpc::call<fsys::SetOptions>(control, change, changed) == Error::not_supported);
    fsys::GetOptions::Reply options {};
    REQUIRE(rpc::call<fsys::GetOptions>(control, {}, options) == Error::none);
    CHECK(std::string(options.options.c_str()) == "--size=64M");
    client::close(control);
}
