// tmpfs on the real kernel, driven through lib/fs_client: its bootstrap
// port is tmpfs's control port. Files, directories, symbolic links, shared
// offsets, and a user other than root kept out of root's files. Ends by
// asking tmpfs to go away once everything is closed.
#include "checks.h"

#include <fs_client/client.h>
#include <interfaces/fsys.h>
#include <rpc/client.h>

using mach::PortName;
using test_checks::check;
namespace client = fs::client;

namespace {

mach::SelfPorts g_self;

PortName root_as(fs::Credentials who)
{
    return client::root_from_control(g_self.bootstrap, who).value_or(mach::kNullName);
}

bool same_bytes(const char* a, const char* b, uint32_t length)
{
    for (uint32_t i = 0; i < length; i++) {
        if (a[i] != b[i])
            return false;
    }
    return true;
}

Error make_directory(PortName at, const char* name, uint32_t mode)
{
    fs::MakeDirectory::Request request {};
    request.mode = mode;
    request.name.set(name);
    fs::MakeDirectory::Reply reply {};
    return rpc::call<fs::MakeDirectory>(at, request, reply);
}

void check_files(PortName root)
{
    const char text[] = "written through tmpfs";
    Result<PortName> file = client::open(root, root, "/motd", fs::kRead | fs::kWrite | fs::kCreate, 0644);
    check(file.ok(), "file_created");
    if (!file.ok())
        return;
    Result<uint32_t> written = client::write(file.value(), text, sizeof(text));
    check(written.ok() && written.value() == sizeof(text), "file_written");
    char back[64] = {};
    Result<uint32_t> read = client::read(file.value(), back, sizeof(back), 0);
    check(read.ok() && read.value() == sizeof(text) && same_bytes(back, text, sizeof(text)), "file_read_back");
    // A copy of the right shares the offset (as after fork).
    PortName copy = 0;
    (void)mach::port_extract_right(g_self.task, file.value(), mach::Disposition::copy_send, &copy);
    (void)client::seek(copy, 8, io::Whence::set);
    char word[8] = {};
    Result<uint32_t> after_seek = client::read(file.value(), word, 7);
    check(after_seek.ok() && after_seek.value() == 7 && same_bytes(word, "through", 7), "copies_share_the_offset");
    client::close(copy);
    client::close(file.value());

    check(make_directory(root, "scratch", 0755) == Error::none, "directory_made");
    Result<PortName> home = client::open(root, root, "scratch", fs::kRead | fs::kDirectoryOnly);
    check(home.ok(), "directory_opened");
    fs::ReadDirectory::Reply listing {};
    check(home.ok() && rpc::call<fs::ReadDirectory>(home.value(), { 0 }, listing) == Error::none && listing.count == 2,
        "empty_directory_lists_dot_and_dotdot");
    if (home.ok())
        client::close(home.value());
    check(
        client::open(root, root, "scratch/nobody/file", fs::kRead).error() == Error::not_found, "missing_is_not_found");

    // A rename names the target directory by a right the client hands back
    // (the server knows it by port_identify).
    Result<PortName> moving = client::open(root, root, "scratch/moving", fs::kWrite | fs::kCreate);
    if (moving.ok())
        client::close(moving.value());
    Result<PortName> from = client::open(root, root, "scratch", fs::kRead);
    fs::Rename::Request rename {};
    rename.name.set("moving");
    rename.to_name.set("moved");
    fs::Rename::Reply renamed {};
    rpc::Rights<1> target;
    target[0] = { root, mach::Disposition::copy_send };
    bool renamed_ok = from.ok() && rpc::call<fs::Rename>(from.value(), rename, renamed, target) == Error::none;
    Result<PortName> moved = client::open(root, root, "/moved", fs::kRead);
    check(renamed_ok && moved.ok(), "renamed_into_another_directory");
    if (moved.ok())
        client::close(moved.value());
    if (from.ok())
        client::close(from.value());
}

// What tmpfs unpacked from the boot archive (boot/root and the translators).
void check_archive(PortName root)
{
    Result<PortName> motd = client::open(root, root, "/etc/motd", fs::kRead);
    char text[32] = {};
    Result<uint32_t> read
        = motd.ok() ? client::read(motd.value(), text, sizeof(text) - 1) : Result<uint32_t>(motd.error());
    check(read.ok() && same_bytes(text, "Welcome to Portico.\n", 20), "etc_motd_from_the_archive");
    if (motd.ok())
        client::close(motd.value());
    Result<PortName> hello = client::open(root, root, "/hurd/hello", fs::kRead);
    Result<fs::Stat> stat = hello.ok() ? client::stat(hello.value()) : Result<fs::Stat>(hello.error());
    check(stat.ok() && fs::is_regular(stat.value().mode) && (stat.value().mode & 0111) && stat.value().size > 1000,
        "hurd_hello_is_an_executable");
    if (hello.ok())
        client::close(hello.value());
    Result<PortName> home = client::open(root, root, "/home/user", fs::kRead);
    Result<fs::Stat> home_stat = home.ok() ? client::stat(home.value()) : Result<fs::Stat>(home.error());
    check(home_stat.ok() && fs::is_directory(home_stat.value().mode) && home_stat.value().uid == 1000,
        "home_user_belongs_to_the_user");
    if (home.ok())
        client::close(home.value());
}

void check_permissions(PortName alice)
{
    check(client::open(alice, alice, "/motd", fs::kWrite).error() == Error::permission_denied,
        "other_user_cannot_write_root_file");
    Result<PortName> readable = client::open(alice, alice, "/motd", fs::kRead);
    check(readable.ok(), "other_user_may_read_0644");
    if (readable.ok())
        client::close(readable.value());
    check(client::open(alice, alice, "/hers", fs::kWrite | fs::kCreate).error() == Error::permission_denied,
        "other_user_cannot_create_in_root_dir");
}

} // namespace

int main(int, char**, char**)
{
    (void)mach::self_ports(&g_self);
    PortName root = root_as({ 0, 0 });
    PortName alice = root_as({ 1000, 100 });
    check(root != mach::kNullName && alice != mach::kNullName, "roots_from_the_control_port");
    if (root != mach::kNullName && alice != mach::kNullName) {
        check_archive(root);
        check_files(root);
        check_permissions(alice);
    }
    client::close(alice);
    fsys::GoAway::Reply gone {};
    check(rpc::call<fsys::GoAway>(g_self.bootstrap, { 0, 0 }, gone) == Error::busy, "go_away_refused_while_open");
    client::close(root);
    // The releases reach tmpfs on its notification port, which it serves in
    // turn with this one: busy until they are all in.
    Error status = Error::busy;
    for (int tries = 0; tries < 100 && status == Error::busy; tries++) {
        status = rpc::call<fsys::GoAway>(g_self.bootstrap, { 0, 0 }, gone);
        if (status == Error::busy)
            (void)mach::thread_sleep(10000000);
    }
    check(status == Error::none, "go_away_once_all_closed");
    return test_checks::finish();
}
