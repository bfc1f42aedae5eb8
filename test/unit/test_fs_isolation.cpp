// What keeps users of one file system apart (lib/fs_server): the sticky
// bit of shared directories such as /tmp, and who may execute what.
#include <support/fs_world.h>

using namespace fs_testing;

namespace {

constexpr fs::Credentials kBob { 1001, 100 };

fs::Stat stat_of(uint32_t mode, uint32_t uid, uint32_t gid = 100)
{
    fs::Stat stat {};
    stat.mode = mode;
    stat.uid = uid;
    stat.gid = gid;
    return stat;
}

Error set_owner(PortName file, fs::Credentials owner)
{
    fs::SetAttribute::Request chown {};
    chown.which = fs::Attribute::owner;
    chown.uid = owner.uid;
    chown.gid = owner.gid;
    fs::SetAttribute::Reply done {};
    return rpc::call<fs::SetAttribute>(file, chown, done);
}

Error set_mode(PortName file, uint32_t mode)
{
    fs::SetAttribute::Request chmod {};
    chmod.which = fs::Attribute::mode;
    chmod.mode = mode;
    fs::SetAttribute::Reply done {};
    return rpc::call<fs::SetAttribute>(file, chmod, done);
}

} // namespace

TEST_CASE("fs: in a sticky directory only root, its owner and the file's owner remove a name")
{
    fs::Stat shared = stat_of(fs::kDirectory | 01777, 0, 0);
    fs::Stat open_dir = stat_of(fs::kDirectory | 0777, 0, 0);
    fs::Stat alices = stat_of(fs::kRegular | 0644, kAlice.uid);
    CHECK(fs::may_remove(shared, alices, kAlice));
    CHECK_FALSE(fs::may_remove(shared, alices, kBob));
    CHECK(fs::may_remove(shared, alices, kRoot));
    CHECK(fs::may_remove(open_dir, alices, kBob)); // no sticky bit: writing the directory is enough
    fs::Stat bobs_shared = stat_of(fs::kDirectory | 01777, kBob.uid);
    CHECK(fs::may_remove(bobs_shared, alices, kBob)); // the directory's owner
    // The same group is not enough.
    CHECK_FALSE(fs::may_remove(shared, stat_of(fs::kRegular | 0666, kAlice.uid, kBob.gid), kBob));
}

TEST_CASE("fs: a sticky /tmp refuses unlink, rmdir and rename of another user's names")
{
    HostKernel kernel;
    Tmpfs tmpfs(kernel);
    Client admin(kernel, tmpfs, kRoot);
    Client alice(kernel, tmpfs, kAlice);
    Client bob(kernel, tmpfs, kBob);
    {
        ActAs as(admin.task);
        REQUIRE(call_named<fs::MakeDirectory>(admin.root, "tmp", 01777) == Error::none);
        PortName roots = admin.open("tmp/roots", fs::kWrite | fs::kCreate, 0666).value();
        client::close(roots);
    }
    PortName alice_tmp;
    {
        ActAs as(alice.task);
        alice_tmp = alice.open("tmp", fs::kRead).value();
        client::close(alice.open("tmp/hers", fs::kWrite | fs::kCreate, 0666).value());
        REQUIRE(call_named<fs::MakeDirectory>(alice_tmp, "herdir", 0777) == Error::none);
    }
    {
        ActAs as(bob.task);
        PortName tmp = bob.open("tmp", fs::kRead).value();
        CHECK((client::stat(tmp).value().mode & 07777) == 01777);
        client::close(bob.open("tmp/his", fs::kWrite | fs::kCreate, 0666).value());
        // Alice's and root's names are not his to remove, replace or move away.
        CHECK(call_named<fs::Unlink>(tmp, "hers") == Error::permission_denied);
        CHECK(call_named<fs::Unlink>(tmp, "roots") == Error::permission_denied);
        CHECK(call_named<fs::RemoveDirectory>(tmp, "herdir") == Error::permission_denied);
        CHECK(rename(tmp, "hers", tmp, "mine") == Error::permission_denied);
        CHECK(rename(tmp, "his", tmp, "hers") == Error::permission_denied);
        // He may still write her file (its mode allows it), and move his own.
        PortName hers = bob.open("tmp/hers", fs::kWrite).value();
        CHECK(write_text(hers, "bob was here") == Error::none);
        client::close(hers);
        CHECK(rename(tmp, "his", tmp, "his2") == Error::none);
        CHECK(call_named<fs::Unlink>(tmp, "his2") == Error::none);
        client::close(tmp);
    }
    {
        ActAs as(alice.task);
        CHECK(call_named<fs::Unlink>(alice_tmp, "hers") == Error::none);
        CHECK(call_named<fs::RemoveDirectory>(alice_tmp, "herdir") == Error::none);
        client::close(alice_tmp);
        client::close(alice.root);
    }
    {
        ActAs as(admin.task);
        PortName tmp = admin.open("tmp", fs::kRead).value();
        CHECK(call_named<fs::Unlink>(tmp, "roots") == Error::none);
        // Without the sticky bit, anyone who may write the directory removes anything in it.
        client::close(admin.open("tmp/again", fs::kWrite | fs::kCreate, 0666).value());
        REQUIRE(set_mode(tmp, 0777) == Error::none);
        client::close(tmp);
    }
    {
        ActAs as(bob.task);
        PortName tmp = bob.open("tmp", fs::kRead).value();
        CHECK(call_named<fs::Unlink>(tmp, "again") == Error::none);
        client::close(tmp);
        client::close(bob.root);
    }
    ActAs as(admin.task);
    client::close(admin.root);
}

TEST_CASE("fs: the owner of a sticky directory removes anyone's names in it")
{
    HostKernel kernel;
    Tmpfs tmpfs(kernel);
    Client admin(kernel, tmpfs, kRoot);
    Client alice(kernel, tmpfs, kAlice);
    Client bob(kernel, tmpfs, kBob);
    {
        ActAs as(admin.task);
        REQUIRE(call_named<fs::MakeDirectory>(admin.root, "shared", 01777) == Error::none);
        PortName shared = admin.open("shared", fs::kRead).value();
        REQUIRE(set_owner(shared, kAlice) == Error::none);
        client::close(shared);
    }
    {
        ActAs as(bob.task);
        client::close(bob.open("shared/his", fs::kWrite | fs::kCreate, 0600).value());
        client::close(bob.root);
    }
    ActAs as(alice.task);
    PortName shared = alice.open("shared", fs::kRead).value();
    CHECK(call_named<fs::Unlink>(shared, "his") == Error::none);
    client::close(shared);
    client::close(alice.root);
    ActAs admin_again(admin.task);
    client::close(admin.root);
}

TEST_CASE("fs: a passive translator's program must be one its owner may reach, read and execute")
{
    HostKernel kernel;
    Tmpfs tmpfs(kernel);
    Client admin(kernel, tmpfs, kRoot);
    Client alice(kernel, tmpfs, kAlice);
    {
        ActAs as(admin.task);
        for (auto [path, mode] : { std::pair { "plain", 0644u }, std::pair { "writable_only", 0622u } }) {
            PortName file = admin.open(path, fs::kWrite | fs::kCreate, mode).value();
            REQUIRE(write_text(file, "not really a program") == Error::none);
            client::close(file);
        }
        REQUIRE(call_named<fs::MakeDirectory>(admin.root, "private", 0700) == Error::none);
        client::close(admin.open("private/program", fs::kWrite | fs::kCreate, 0755).value());
        REQUIRE(call_named<fs::MakeDirectory>(admin.root, "home", 01777) == Error::none);
        PortName node = admin.open("roots_node", fs::kRead | fs::kCreate | fs::kNoTranslator).value();
        REQUIRE(set_translator(node, fs::kSetPassive, 0, "/plain") == Error::none);
        client::close(node);
        // Root, too, executes only what has an execute bit.
        CHECK(admin.open("roots_node", fs::kRead).error() == Error::permission_denied);
    }
    ActAs as(alice.task);
    struct Case {
        const char* node;
        const char* program;
        Error expected;
    };
    for (const Case& c : {
             Case { "home/a", "/plain", Error::permission_denied }, // no execute bit
             Case { "home/b", "/writable_only", Error::permission_denied }, // neither read nor execute for her
             Case { "home/c", "/private/program", Error::permission_denied }, // she may not search /private
             Case { "home/d", "/private", Error::permission_denied }, // not a regular file
             Case { "home/e", "/nowhere", Error::not_found },
         }) {
        PortName node = alice.open(c.node, fs::kRead | fs::kCreate | fs::kNoTranslator).value();
        REQUIRE(client::stat(node).value().uid == kAlice.uid);
        REQUIRE(set_translator(node, fs::kSetPassive, 0, c.program) == Error::none);
        client::close(node);
        CHECK(alice.open(c.node, fs::kRead).error() == c.expected);
    }
    client::close(alice.root);
    ActAs admin_again(admin.task);
    client::close(admin.root);
}
